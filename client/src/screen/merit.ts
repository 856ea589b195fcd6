import type { Method } from "../../../shared/round-file.ts";
import { compositeScore } from "../../../shared/scoring/compute.ts";
import type { CandidateResult } from "../../../shared/scoring/types.ts";

export interface Merit {
  speech: number | null;
  evaluation: number | null;
  composite: number | null;
}

/**
 * A candidate's scores as the projector may show them. Before the lock the screen data holds
 * each speech result as revealed (no evaluation yet) and the evaluation results apart; the
 * composite of the two comes from shared/scoring, never from arithmetic here.
 */
export function meritOf(
  id: string,
  results: Record<string, CandidateResult>,
  evaluation: Record<string, CandidateResult> | null,
  method: Method,
): Merit {
  const speech = results[id]?.speech ?? null;
  const evaluated = results[id]?.evaluation ?? evaluation?.[id]?.evaluation ?? null;
  const composite = results[id]?.composite ?? compositeScore(speech, evaluated, method);
  return { speech, evaluation: evaluated, composite };
}
