import type { EvaluationBallot, SpeechBallot } from "./scoring/types.ts";

/**
 * Every exported ballot carries its voter group, so a group of one or two voters is not a
 * secret ballot: one voter's scores are the group's, and two can tell each other's apart.
 * Three is the least a group needs before its ballots blend in.
 */
export const MIN_GROUP_SIZE = 3;

/** The groups, in the given order, with at least one and fewer than MIN_GROUP_SIZE members. */
export function smallGroups(sizes: Record<string, number>, order = Object.keys(sizes)): string[] {
  return order.filter((g) => {
    const n = sizes[g] ?? 0;
    return n > 0 && n < MIN_GROUP_SIZE;
  });
}

/**
 * How many voters of each group an export shows at most: the largest number of ballots the
 * group cast for one candidate, speech or evaluation (a card casts one of each per candidate).
 */
export function votersPerGroup(
  ballots: readonly (SpeechBallot | EvaluationBallot)[],
): Record<string, number> {
  const perCandidate = new Map<string, number>();
  const most: Record<string, number> = {};
  for (const b of ballots) {
    const key = `${"scores" in b ? "s" : "e"}|${b.group}|${b.candidate}`;
    const n = (perCandidate.get(key) ?? 0) + 1;
    perCandidate.set(key, n);
    most[b.group] = Math.max(most[b.group] ?? 0, n);
  }
  return most;
}
