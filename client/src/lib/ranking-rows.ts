import { type TargetMark, targetMark } from "../../../shared/scoring/target-mark.ts";
import type { PositionResult } from "../../../shared/scoring/types.ts";

export interface RankingRow {
  id: string;
  /** Place shown: tied candidates share one (1, 2, 2, 4), as on a paper results sheet. */
  place: number;
  tied: boolean;
  /** A final target of this post (settled by the chair's tie decisions). */
  target: boolean;
  /** What the row says about inspection (shared/scoring/target-mark.ts). */
  mark: TargetMark;
}

/**
 * The rows of a position's ranking as the projector and the results sheet list them. The
 * order, the ties, the settled targets and the marks all come from shared/scoring (`all` is
 * every post's result, for 另岗考察); this only numbers the places for display.
 */
export function rankingRows(
  position: PositionResult,
  all: readonly PositionResult[],
): RankingRow[] {
  const tieOf = new Map<string, number>();
  position.ties.forEach((set, i) => {
    for (const id of set) tieOf.set(id, i);
  });
  const targets = new Set(position.finalTargets);
  const rows: RankingRow[] = [];
  position.ranking.forEach((id, i) => {
    const prev = rows[i - 1];
    const tie = tieOf.get(id);
    const sharesPlace = prev !== undefined && tie !== undefined && tieOf.get(prev.id) === tie;
    rows.push({
      id,
      place: sharesPlace ? prev.place : i + 1,
      tied: tie !== undefined,
      target: targets.has(id),
      mark: targetMark(all, position, id),
    });
  });
  return rows;
}
