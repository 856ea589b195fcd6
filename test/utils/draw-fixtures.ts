import type { Db } from "../../server/records/db.ts";
import type { RoundRecords } from "../../server/records/round-records.ts";
import DEMO_ROUND from "../../shared/demo-round.json" with { type: "json" };
import { DraftRoundFile, type RoundConfig } from "../../shared/round-file.ts";
import { auditOf, roundConfig, unique } from "./records-fixtures.ts";

/** A draft with two posts and `n` candidates (ids C1…Cn, names unique to the test). */
export function drawConfig(n = 7): RoundConfig {
  return roundConfig({
    positions: [
      { id: "P1", title: unique("办公室主任"), seats: 1 },
      { id: "P2", title: unique("法规科科长"), seats: 1 },
    ],
    candidates: Array.from({ length: n }, (_, i) => ({
      id: `C${i + 1}`,
      name: unique("候选人"),
      applications: [i % 2 === 0 ? "P1" : "P2"],
    })),
  });
}

/** A draft as the console makes it: rules only, no posts or candidates yet. */
export function emptyDraft(): RoundConfig {
  const { speakingOrder: _, ...rest } = DEMO_ROUND;
  return DraftRoundFile.parse({ ...rest, positions: [], candidates: [] }) as RoundConfig;
}

export async function draftRound(rounds: RoundRecords, config = drawConfig()) {
  const id = unique("r");
  await rounds.createDraft({ id, kind: "formal", config }, auditOf(id));
  return { id, config };
}

/** How many audit entries of this action the round has. */
export async function auditCount(db: Db, roundId: string, action: string): Promise<number> {
  const rows = await db
    .selectFrom("audit_entries")
    .select("body")
    .where("round_id", "=", roundId)
    .execute();
  return rows.filter((r) => (JSON.parse(r.body) as { action: string }).action === action).length;
}

/** Dice for a draw: enough digits for anything up to 40 candidates, in two sources. */
export const DICE: number[][] = [
  [6, 2, 5, 3, 1, 4, 2, 6, 1, 3, 5, 4, 6, 2, 3, 1, 5, 6, 4, 2, 3, 1, 6, 5, 4],
  [271828182845, 314159265358, 161803398874, 141421356237, 173205080756, 223606797749],
];
