import type { PositionResult } from "./types.ts";

/**
 * What a ranking row says about inspection: 考察对象 (target), chosen by a tie decision,
 * left out by one, tied at the edge awaiting the chair, inspected for another post (另岗考察),
 * or nothing.
 */
export type TargetMark = "target" | "chosen" | "notChosen" | "pending" | "elsewhere" | "none";

/** The dictionary key of a mark's words (shared/i18n/results.ts), one wording everywhere. */
export const markKey = (mark: Exclude<TargetMark, "none">) => `results.mark.${mark}` as const;

/**
 * The mark of `id` in `position`, from the settled targets of every post (settle.ts): the
 * one reading the projector, the results sheet, Excel and the recount all show.
 */
export function targetMark(
  positions: readonly PositionResult[],
  position: PositionResult,
  id: string,
): TargetMark {
  const ties = position.quotaTies.filter((q) => q.tied.includes(id));
  if (ties.some((q) => q.decision === null)) return "pending";
  if (position.finalTargets.includes(id)) return ties.length > 0 ? "chosen" : "target";
  if (positions.some((p) => p.id !== position.id && p.finalTargets.includes(id)))
    return "elsewhere";
  return ties.length > 0 ? "notChosen" : "none";
}
