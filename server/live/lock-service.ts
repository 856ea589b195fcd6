import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import {
  buildRoundExport,
  type RoundExport,
  verifyRoundExport,
} from "../../shared/round-export.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";
import type { RoundStore } from "../setup/round-store.ts";
import type { BallotStore } from "./ballot-store.ts";
import type { DecisionStore } from "./decision-store.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/**
 * The lock, in two steps. One atomic script ends every ballot write, strips the cards
 * from the ballots and puts the round on the durable list of exports to build; then the
 * export (results, canonical JSON, digest) is built from what is stored, checked the way
 * `npm run recount` checks it, and stored. Until then the round reads "locked, export
 * being generated". Building is deterministic, so whichever node finishes it — the one
 * that locked, a node that starts, a join, the sweep — stores the very same file.
 */
export function createLockService(
  redis: Redis,
  keys: RedisKeys,
  rounds: RoundStore,
  ballots: BallotStore,
  decisions: DecisionStore,
  logger: Logger,
) {
  const lockScript = defineAuditedScript(redis, "round_lock", lua("round-lock"));
  const storeScript = defineScript(redis, "export_store", lua("export-store"), 3);
  const cache = new Map<string, RoundExport>();

  async function storedExport(roundId: string): Promise<RoundExport | null> {
    const cached = cache.get(roundId);
    if (cached) return cached;
    const raw = await redis.get(keys.export(roundId));
    if (!raw) return null;
    const file = JSON.parse(raw) as RoundExport;
    cache.set(roundId, file);
    return file;
  }

  /** Builds, checks and stores the export of a locked round; null when not locked. */
  async function finishExport(roundId: string): Promise<RoundExport | null> {
    const config = await rounds.config(roundId);
    const lockedAt = await redis.hget(keys.state(roundId), "lockedAt");
    if (!config || !lockedAt) return null;
    const file = buildRoundExport({
      round: { id: roundId, title: config.title, lockedAt },
      config,
      ballots: await ballots.finalBallots(roundId),
      evaluations: await ballots.finalEvaluations(roundId),
      decisions: await decisions.list(roundId),
    });
    // What is stored must recount to itself: a file that does not is never published.
    const check = verifyRoundExport(JSON.parse(JSON.stringify(file)));
    if (!check.ok) throw new Error(`export of ${roundId} does not verify`);
    await storeScript(
      [keys.export(roundId), keys.state(roundId), keys.exportsPending],
      [JSON.stringify(file), file.digest, roundId],
    );
    return storedExport(roundId);
  }

  return {
    /** The export of a locked round (finishing it if no node has yet); null while open. */
    async readExport(roundId: string): Promise<RoundExport | null> {
      const stored = await storedExport(roundId);
      if (stored) return stored;
      return (await redis.hget(keys.state(roundId), "status")) === "locked"
        ? finishExport(roundId)
        : null;
    },

    /** Finishes every export a lock left to build; returns the rounds it finished. */
    async finishPending(): Promise<string[]> {
      const done: string[] = [];
      for (const roundId of await redis.smembers(keys.exportsPending)) {
        try {
          if (await finishExport(roundId)) done.push(roundId);
        } catch (err) {
          logger.error("export not built", { roundId, ...errorFields(err) });
        }
      }
      return done;
    },

    /**
     * Locks the round (the audit entry is written by the lock script itself). The digest
     * is null when the export could not be finished now: the round is locked all the same
     * and the sweep finishes it.
     */
    async lock(
      roundId: string,
      now: Date,
      audit: AuditWrite,
    ): Promise<Result<{ digest: string | null }>> {
      const config = await rounds.config(roundId);
      if (!config) return fail("round_not_found");
      const candidateKeys = config.candidates.flatMap((c) => [
        keys.ballots(roundId, c.id),
        keys.ballotMeta(roundId, c.id),
        keys.evaluations(roundId, c.id),
      ]);
      const code = await lockScript(
        [
          keys.state(roundId),
          keys.finalBallots(roundId),
          keys.finalEvaluations(roundId),
          keys.evaluationMeta(roundId),
          keys.exportsPending,
          keys.diskPurgePending,
          ...candidateKeys,
        ],
        [now.toISOString(), roundId],
        audit,
      );
      if (code !== "ok") return fail("round_locked");
      try {
        const file = await finishExport(roundId);
        logger.info("round locked", {
          roundId,
          ballots: file?.ballots.length,
          digest: file?.digest,
        });
        return ok({ digest: file?.digest ?? null });
      } catch (err) {
        logger.error("round locked, export left to the sweep", { roundId, ...errorFields(err) });
        return ok({ digest: null });
      }
    },
  };
}

export type LockService = ReturnType<typeof createLockService>;
