import type { EvaluationOption, Group } from "../round-file.ts";
import type { EvaluationBallot, GroupEvaluation } from "./types.ts";

export interface EvaluationScore {
  evaluation: number | null;
  /** Ballots cast, 不了解 included. */
  cast: number;
  favourableRate: number | null;
  byGroup: GroupEvaluation[];
  /** Ballots per option id over all groups. */
  counts: Record<string, number>;
}

/**
 * The options counted as favourable: those marked so; when none is marked, the two with the
 * highest points (scoring.md). Equal points keep the order of the option list.
 */
export function favourableOptions(options: EvaluationOption[]): Set<string> {
  const marked = options.filter((o) => o.favourable === true);
  if (marked.length > 0) return new Set(marked.map((o) => o.id));
  const scored = options.filter((o) => o.points !== null);
  const best = [...scored].sort((a, b) => (b.points ?? 0) - (a.points ?? 0)).slice(0, 2);
  return new Set(best.map((o) => o.id));
}

function zeroCounts(options: EvaluationOption[]): Record<string, number> {
  return Object.fromEntries(options.map((o) => [o.id, 0]));
}

/**
 * Mean points from the per-option counts, summed in option order: the same ballots in any
 * order give bit-for-bit the same mean.
 */
function meanPoints(counts: Record<string, number>, options: EvaluationOption[]): number | null {
  let sum = 0;
  let n = 0;
  for (const o of options) {
    const count = counts[o.id] ?? 0;
    if (o.points === null || count === 0) continue;
    sum += count * o.points;
    n += count;
  }
  return n === 0 ? null : sum / n;
}

function groupEvaluation(
  group: string,
  ballots: EvaluationBallot[],
  options: EvaluationOption[],
): GroupEvaluation {
  const counts = zeroCounts(options);
  for (const b of ballots) {
    if (Object.hasOwn(counts, b.option)) counts[b.option] = (counts[b.option] ?? 0) + 1;
  }
  const cast = Object.values(counts).reduce((sum, n) => sum + n, 0);
  return { group, counts, cast, mean: meanPoints(counts, options) };
}

/** The democratic-evaluation score of one candidate (scoring.md, step 2). */
export function scoreEvaluation(
  ballots: EvaluationBallot[],
  groups: Group[],
  options: EvaluationOption[],
): EvaluationScore {
  const byGroup: GroupEvaluation[] = [];
  let weightedSum = 0;
  let weights = 0;
  for (const group of groups) {
    const result = groupEvaluation(
      group.id,
      ballots.filter((b) => b.group === group.id),
      options,
    );
    if (result.cast === 0) continue;
    byGroup.push(result);
    if (result.mean !== null) {
      weightedSum += group.weight * result.mean;
      weights += group.weight;
    }
  }
  const counts = zeroCounts(options);
  for (const g of byGroup) {
    for (const o of options) counts[o.id] = (counts[o.id] ?? 0) + (g.counts[o.id] ?? 0);
  }
  const cast = byGroup.reduce((sum, g) => sum + g.cast, 0);
  const favourable = favourableOptions(options);
  const favoured = options.reduce(
    (sum, o) => sum + (favourable.has(o.id) ? (counts[o.id] ?? 0) : 0),
    0,
  );
  return {
    evaluation: weights === 0 ? null : weightedSum / weights,
    cast,
    favourableRate: cast === 0 ? null : favoured / cast,
    byGroup,
    counts,
  };
}
