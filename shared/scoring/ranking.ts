import { compareCodePoints } from "../canonical-json.ts";
import type { Candidate, Position } from "../round-file.ts";

/** Two values this close are equal (scoring.md): ranks must not hang on float noise. */
export const EQUAL_WITHIN = 1e-9;

export interface MeritScores {
  id: string;
  composite: number | null;
  speech: number | null;
  evaluation: number | null;
}

/** Negative when `a` is the higher value; a missing value ranks below any value. */
function compareDescending(a: number | null, b: number | null): number {
  if (a === null || b === null) {
    if (a === b) return 0;
    return a === null ? 1 : -1;
  }
  if (Math.abs(a - b) <= EQUAL_WITHIN) return 0;
  return a > b ? -1 : 1;
}

/**
 * Negative when `a` ranks above `b`, 0 when they are tied: composite, then speech, then
 * evaluation. Ids never break a tie here; they only order tied candidates for display.
 */
export function compareMerit(a: MeritScores, b: MeritScores): number {
  return (
    compareDescending(a.composite, b.composite) ||
    compareDescending(a.speech, b.speech) ||
    compareDescending(a.evaluation, b.evaluation)
  );
}

export interface PositionRanking {
  ranking: string[];
  ties: string[][];
}

/** Consecutive runs of mutually tied candidates, two or more long. */
function findTies(ranked: MeritScores[]): string[][] {
  const runs: string[][] = [];
  let run: MeritScores[] = [];
  for (const c of ranked) {
    const last = run[run.length - 1];
    if (last && compareMerit(last, c) === 0) {
      run.push(c);
      continue;
    }
    if (run.length > 1) runs.push(run.map((r) => r.id));
    run = [c];
  }
  if (run.length > 1) runs.push(run.map((r) => r.id));
  return runs;
}

/** The candidates applying to `position` that have a composite, best first. */
export function rankPosition(
  position: Position,
  candidates: Candidate[],
  scores: Map<string, MeritScores>,
): PositionRanking {
  const eligible: MeritScores[] = [];
  for (const c of candidates) {
    const s = scores.get(c.id);
    if (s && s.composite !== null && c.applications.includes(position.id)) eligible.push(s);
  }
  // Sorting by id first and then stably by merit leaves tied candidates in id order.
  eligible.sort((a, b) => compareCodePoints(a.id, b.id)).sort(compareMerit);
  return { ranking: eligible.map((s) => s.id), ties: findTies(eligible) };
}
