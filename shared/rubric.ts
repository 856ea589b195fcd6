/**
 * Rubric arithmetic shared by the phone (live total, step control) and the server (ballot
 * validation). Kept free of zod so the phone bundle stays small on a slow hall Wi-Fi.
 */

/** True when `x` is a whole multiple of `step`, forgiving binary floating-point noise. */
export function isMultipleOf(x: number, step: number): boolean {
  const q = x / step;
  return Math.abs(q - Math.round(q)) < 1e-7;
}

export interface RubricCriterion {
  id: string;
  max: number;
  step: number;
}

/** Why a set of scores is not a valid ballot for this rubric, or null when it is. */
export function scoresProblem(
  rubric: readonly RubricCriterion[],
  scores: Record<string, number>,
): string | null {
  const known = new Set(rubric.map((c) => c.id));
  for (const id of Object.keys(scores)) if (!known.has(id)) return `unknown criterion ${id}`;
  for (const c of rubric) {
    const s = scores[c.id];
    if (s === undefined) return `missing ${c.id}`;
    if (!Number.isFinite(s) || s < 0 || s > c.max) return `out of range ${c.id}`;
    if (!isMultipleOf(s, c.step)) return `off step ${c.id}`;
  }
  return null;
}

/** Σ s_r, summed in rubric order so every place computes the same double. */
export function ballotTotal(rubric: readonly RubricCriterion[], scores: Record<string, number>) {
  let total = 0;
  for (const c of rubric) total += scores[c.id] ?? 0;
  return total;
}

/** The candidates in speaking order (the file's order when it names none). */
export function speakingOrder(round: {
  speakingOrder?: string[] | undefined;
  candidates: readonly { id: string }[];
}): string[] {
  return round.speakingOrder ?? round.candidates.map((c) => c.id);
}
