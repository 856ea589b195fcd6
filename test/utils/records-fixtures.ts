import { randomBytes } from "node:crypto";
import { auditRecord } from "../../server/platform/audit-store.ts";
import type { AuditRecord } from "../../server/records/audit-records.ts";
import type { LandedRound } from "../../server/records/round-records.ts";
import { canonicalJson } from "../../shared/canonical-json.ts";
import DEMO_ROUND from "../../shared/demo-round.json" with { type: "json" };
import type { CommandName } from "../../shared/protocol/index.ts";
import { buildRoundExport } from "../../shared/round-export.ts";
import { type RoundConfig, RoundFile, type RoundFileInput } from "../../shared/round-file.ts";

/** A short random suffix, so records of one test never meet another test's. */
export const unique = (prefix: string) => `${prefix}${randomBytes(4).toString("hex")}`;

/** The demo round with other posts and candidates: a valid, parsed round file. */
export function roundConfig(
  parts: Pick<RoundFileInput, "positions" | "candidates"> & { title?: string },
): RoundConfig {
  const { speakingOrder: _, ...rest } = DEMO_ROUND;
  const file = { ...rest, title: parts.title ?? DEMO_ROUND.title, ...parts };
  // Through JSON, as a file arrives: a key left undefined is no key at all.
  return RoundFile.parse(JSON.parse(JSON.stringify(file)));
}

/** An organizer's entry for a records action, exactly as the app writes one. */
export const auditOf = (roundId: string, action: CommandName = "round:import"): AuditRecord =>
  auditRecord({ role: "organizer" }, roundId, action);

/** What the lock of a round with no ballots lands. */
export function landedRound(id: string, config: RoundConfig, lockedAt = new Date()): LandedRound {
  const file = buildRoundExport({
    round: { id, title: config.title, lockedAt: lockedAt.toISOString() },
    config,
    ballots: [],
    evaluations: [],
    decisions: [],
  });
  return {
    file,
    body: canonicalJson(file),
    ballots: [],
    evaluations: [],
    decisions: [],
    finalState: {
      state: {
        roundId: id,
        status: "locked",
        currentCandidateId: null,
        timer: null,
        windows: {},
        revealed: [],
        hidden: [],
        marks: {},
        evaluation: "pending",
        evaluationRevealed: false,
        screen: "locked",
        shownCandidateId: null,
        digest: file.digest,
        lockedAt: lockedAt.toISOString(),
        exporting: false,
        archiving: false,
        diskPurge: "done",
        version: 3,
      },
      progress: { roundId: id, version: 1, cards: {}, scored: {}, abstained: {}, evaluated: {} },
    },
  };
}
