import type { Candidate, Position } from "../round-file.ts";
import { compareMerit, type MeritScores } from "./ranking.ts";

/**
 * seats × ρ can land a hair above a whole number (10 × 0.7 = 7.000000000000001); ceil would
 * then add a whole extra target. Anything within this of an integer counts as that integer.
 */
const CEIL_SLACK = 1e-9;

/** q_p = ceil(seats_p × ρ), at least 1. */
export function quotaFor(seats: number, inspectionRatio: number): number {
  return Math.max(1, Math.ceil(seats * inspectionRatio - CEIL_SLACK));
}

export interface PositionTargets {
  targets: string[];
  quota: number;
  /** More held than the quota: a tie at the edge, for the chair to decide. */
  edgeTie: boolean;
}

/**
 * Whether position `p` puts `y` before `x` among candidates of equal merit: the chair's tie
 * decisions (settle.ts). Without decisions, equal merit stays a tie.
 */
export type TieBreak = (position: string, y: string, x: string) => boolean;

const noTieBreak: TieBreak = () => false;

/** A position holds each proposer that fewer than q of its proposers strictly beat. */
function holds(
  position: string,
  proposers: MeritScores[],
  quota: number,
  prefers: TieBreak,
): Set<string> {
  const beats = (y: MeritScores, x: MeritScores) => {
    const merit = compareMerit(y, x);
    return merit < 0 || (merit === 0 && prefers(position, y.id, x.id));
  };
  const held = new Set<string>();
  for (const x of proposers) {
    const beaten = proposers.filter((y) => beats(y, x)).length;
    if (beaten < quota) held.add(x.id);
  }
  return held;
}

/**
 * Inspection targets (考察对象) by candidate-proposing deferred acceptance (scoring.md).
 * `rankings` holds each position's ranking; only ranked candidates propose, and only to
 * positions whose ranking lists them. `prefers` breaks ties the chair decided (settle.ts).
 * Returns the targets per position id.
 */
export function selectTargets(
  positions: Position[],
  candidates: Candidate[],
  rankings: Map<string, string[]>,
  scores: Map<string, MeritScores>,
  inspectionRatio: number,
  prefers: TieBreak = noTieBreak,
): Map<string, PositionTargets> {
  const quotas = new Map(positions.map((p) => [p.id, quotaFor(p.seats, inspectionRatio)]));
  const proposers = new Map<string, MeritScores[]>(positions.map((p) => [p.id, []]));
  const heldAt = new Map<string, string>();
  const nextChoice = new Map<string, number>();
  let free = candidates.filter((c) => scores.get(c.id)?.composite != null);

  while (free.length > 0) {
    const touched = new Set<string>();
    for (const c of free) {
      const choice = nextEligibleChoice(c, nextChoice.get(c.id) ?? 0, rankings);
      if (choice === null) continue;
      nextChoice.set(c.id, choice.index + 1);
      const s = scores.get(c.id);
      if (!s) continue;
      proposers.get(choice.position)?.push(s);
      heldAt.set(c.id, choice.position);
      touched.add(choice.position);
    }
    const rejected: string[] = [];
    for (const p of touched) {
      const held = holds(p, proposers.get(p) ?? [], quotas.get(p) ?? 1, prefers);
      for (const x of proposers.get(p) ?? []) {
        if (heldAt.get(x.id) === p && !held.has(x.id)) {
          heldAt.delete(x.id);
          rejected.push(x.id);
        }
      }
    }
    free = candidates.filter((c) => rejected.includes(c.id));
  }

  const result = new Map<string, PositionTargets>();
  for (const p of positions) {
    const quota = quotas.get(p.id) ?? 1;
    const targets = (rankings.get(p.id) ?? []).filter((id) => heldAt.get(id) === p.id);
    result.set(p.id, { targets, quota, edgeTie: targets.length > quota });
  }
  return result;
}

/** The candidate's next application, from `from` on, to a position that ranks them. */
function nextEligibleChoice(
  candidate: Candidate,
  from: number,
  rankings: Map<string, string[]>,
): { position: string; index: number } | null {
  for (let index = from; index < candidate.applications.length; index++) {
    const position = candidate.applications[index];
    if (position !== undefined && rankings.get(position)?.includes(candidate.id)) {
      return { position, index };
    }
  }
  return null;
}
