import type { CandidateResult } from "../../../shared/scoring/types.ts";

export interface Merit {
  speech: number | null;
  evaluation: number | null;
  composite: number | null;
}

/**
 * A candidate's scores as the projector may show them. The server fills a revealed result's
 * evaluation and composite once the evaluation is revealed; until then the evaluation may
 * stand apart in the screen data and the composite is not known yet.
 */
export function meritOf(
  id: string,
  results: Record<string, CandidateResult>,
  evaluation: Record<string, CandidateResult> | null,
): Merit {
  const speech = results[id]?.speech ?? null;
  const evaluated = results[id]?.evaluation ?? evaluation?.[id]?.evaluation ?? null;
  const composite = results[id]?.composite ?? null;
  return { speech, evaluation: evaluated, composite };
}
