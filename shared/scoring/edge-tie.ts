import type { PositionResult } from "./types.ts";

export interface EdgeTie {
  /** The tied candidates the position holds beyond its quota, in ranking order. */
  tied: string[];
  /** How many of them fit the quota: the number a tie decision must choose. */
  seats: number;
}

/**
 * The tie at a position's quota edge, if any. Deferred acceptance holds every candidate
 * tied at the edge (never a random pick), so the position holds more than its quota; the
 * chair decides who of the tied candidates is inspected, and records why.
 */
export function edgeTie(
  position: Pick<PositionResult, "ties" | "targets" | "quota" | "edgeTie">,
): EdgeTie | null {
  if (!position.edgeTie) return null;
  const held = new Set(position.targets);
  const tie = [...position.ties].reverse().find((t) => t.some((c) => held.has(c)));
  if (!tie) return null;
  const tied = tie.filter((c) => held.has(c));
  return { tied, seats: position.quota - (position.targets.length - tied.length) };
}
