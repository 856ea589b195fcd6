/**
 * Rubric arithmetic shared by the phone (live total, step control) and the server (ballot
 * validation). Kept free of zod so the phone bundle stays small on a slow hall Wi-Fi.
 */

/**
 * Steps, maxima and scores are written with at most this many decimals (round-file.md), so
 * that a score can be checked on the step's grid exactly, in whole hundredths.
 */
export const STEP_DECIMALS = 2;
const UNITS_PER_POINT = 10 ** STEP_DECIMALS;

/**
 * True when `x` is the double nearest to a number of at most `decimals` decimals (0.1, 2.75):
 * toFixed rounds to the decimal grid, so a value that survives the round trip lies on it.
 */
export function hasAtMostDecimals(x: number, decimals: number): boolean {
  return Number.isFinite(x) && Number(x.toFixed(decimals)) === x;
}

/**
 * True when `x` is a whole multiple of `step`, compared in integer hundredths: 0.3 is on the
 * 0.1 grid, 0.30000001 and 0.3 + 1e-8 are not (a float quotient would forgive them).
 */
export function isMultipleOf(x: number, step: number): boolean {
  if (!hasAtMostDecimals(x, STEP_DECIMALS) || !hasAtMostDecimals(step, STEP_DECIMALS)) {
    return false;
  }
  const stepUnits = Math.round(step * UNITS_PER_POINT);
  return stepUnits > 0 && Math.round(x * UNITS_PER_POINT) % stepUnits === 0;
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
