import type { Criterion, Group, Method } from "../round-file.ts";
import { ballotTotal } from "../rubric.ts";
import type { GroupSpeech, SpeechBallot } from "./types.ts";

export interface SpeechScore {
  /** 100-point scale; null without any ballot. */
  speech: number | null;
  ballots: number;
  byGroup: GroupSpeech[];
  /** Weighted per-criterion means on each criterion's own scale. */
  criteria: Record<string, number | null>;
}

interface ScoredBallot {
  total: number;
  scores: number[];
}

function toScored(ballot: SpeechBallot, rubric: Criterion[]): ScoredBallot {
  // Submitted ballots are validated to score every criterion, so `?? 0` never applies.
  const scores = rubric.map((c) => ballot.scores[c.id] ?? 0);
  return { total: ballotTotal(rubric, ballot.scores), scores };
}

/**
 * Totals ascending; equal totals by their criterion scores, so the kept ballots (and the
 * per-criterion means over them) do not depend on the order the ballots arrived in.
 */
function byTotalThenScores(a: ScoredBallot, b: ScoredBallot): number {
  if (a.total !== b.total) return a.total - b.total;
  for (let i = 0; i < a.scores.length; i++) {
    const diff = (a.scores[i] ?? 0) - (b.scores[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** 去掉最高分和最低分: drop `trim` lowest and highest once the group has `trimMin` ballots. */
function keptBallots(sorted: ScoredBallot[], method: Method): ScoredBallot[] {
  if (sorted.length < method.trimMin) return sorted;
  return sorted.slice(method.trim, sorted.length - method.trim);
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function groupSpeech(
  group: string,
  ballots: SpeechBallot[],
  rubric: Criterion[],
  method: Method,
): GroupSpeech {
  const sorted = ballots.map((b) => toScored(b, rubric)).sort(byTotalThenScores);
  const kept = keptBallots(sorted, method);
  const criteria: Record<string, number> = {};
  rubric.forEach((c, i) => {
    criteria[c.id] = mean(kept.map((b) => b.scores[i] ?? 0));
  });
  return {
    group,
    ballots: ballots.length,
    kept: kept.length,
    mean: mean(kept.map((b) => b.total)),
    criteria,
  };
}

function weightedMean(parts: { weight: number; value: number }[]): number {
  const weights = parts.reduce((sum, p) => sum + p.weight, 0);
  return parts.reduce((sum, p) => sum + p.weight * p.value, 0) / weights;
}

/** The speech score of one candidate from that candidate's ballots (scoring.md, step 1). */
export function scoreSpeech(
  ballots: SpeechBallot[],
  rubric: Criterion[],
  groups: Group[],
  method: Method,
): SpeechScore {
  const weighted: { weight: number; result: GroupSpeech }[] = [];
  for (const group of groups) {
    const own = ballots.filter((b) => b.group === group.id);
    if (own.length > 0) {
      weighted.push({ weight: group.weight, result: groupSpeech(group.id, own, rubric, method) });
    }
  }
  const byGroup = weighted.map((w) => w.result);
  const criteria: Record<string, number | null> = {};
  for (const c of rubric) criteria[c.id] = null;
  if (weighted.length === 0) return { speech: null, ballots: 0, byGroup, criteria };

  const over = (value: (g: GroupSpeech) => number) =>
    weightedMean(weighted.map((w) => ({ weight: w.weight, value: value(w.result) })));
  for (const c of rubric) criteria[c.id] = over((g) => g.criteria[c.id] ?? 0);
  const total = rubric.reduce((sum, c) => sum + c.max, 0);
  return {
    speech: (over((g) => g.mean) * 100) / total,
    ballots: byGroup.reduce((sum, g) => sum + g.ballots, 0),
    byGroup,
    criteria,
  };
}
