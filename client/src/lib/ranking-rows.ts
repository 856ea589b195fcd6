import type { PositionResult } from "../../../shared/scoring/types.ts";

export interface RankingRow {
  id: string;
  /** Place shown: tied candidates share one (1, 2, 2, 4), as on a paper results sheet. */
  place: number;
  tied: boolean;
  target: boolean;
}

/**
 * The rows of a position's ranking as the projector lists them. The order, the ties and the
 * targets all come from shared/scoring; this only numbers the places for display.
 */
export function rankingRows(position: PositionResult): RankingRow[] {
  const tieOf = new Map<string, number>();
  position.ties.forEach((set, i) => {
    for (const id of set) tieOf.set(id, i);
  });
  const targets = new Set(position.targets);
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
    });
  });
  return rows;
}
