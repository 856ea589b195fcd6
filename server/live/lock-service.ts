import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import { buildRoundExport, type RoundExport } from "../../shared/round-export.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import { defineScript } from "../platform/lua.ts";
import type { RoundStore } from "../setup/round-store.ts";
import type { BallotStore } from "./ballot-store.ts";
import type { DecisionStore } from "./decision-store.ts";

/**
 * The lock: one atomic script ends every ballot write and strips the cards from the
 * ballots; then the export (results, canonical JSON, digest) is built from what is stored.
 * Building is deterministic, so if a node dies between the two steps the next request
 * builds the very same file.
 */
export function createLockService(
  redis: Redis,
  keys: RedisKeys,
  rounds: RoundStore,
  ballots: BallotStore,
  decisions: DecisionStore,
  logger: Logger,
) {
  const lockScript = defineScript(
    redis,
    "round_lock",
    new URL("./lua/round-lock.lua", import.meta.url),
  );
  const cache = new Map<string, RoundExport>();

  async function readExport(roundId: string): Promise<RoundExport | null> {
    const cached = cache.get(roundId);
    if (cached) return cached;
    const raw = await redis.get(keys.export(roundId));
    if (raw) {
      const file = JSON.parse(raw) as RoundExport;
      cache.set(roundId, file);
      return file;
    }
    return (await redis.hget(keys.state(roundId), "status")) === "locked"
      ? buildExport(roundId)
      : null;
  }

  async function buildExport(roundId: string): Promise<RoundExport | null> {
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
    await redis.set(keys.export(roundId), JSON.stringify(file), "NX");
    await redis
      .multi()
      .hset(keys.state(roundId), "digest", file.digest)
      .hincrby(keys.state(roundId), "version", 1)
      .exec();
    cache.set(roundId, file);
    return file;
  }

  /**
   * Rewrites the append-only file so the card-keyed ballot writes of the open session are
   * no longer on disk either. Only when AOF is on: on a Redis without it, BGREWRITEAOF
   * would create a file in that server's working directory.
   */
  async function compactAppendOnlyFile(): Promise<void> {
    try {
      const info = await redis.info("persistence");
      if (/aof_enabled:1/.test(info)) await redis.bgrewriteaof();
    } catch (err) {
      logger.warn("aof rewrite not started", errorFields(err));
    }
  }

  return {
    readExport,

    async lock(roundId: string, now: Date): Promise<Result<{ digest: string }>> {
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
          ...candidateKeys,
        ],
        [now.toISOString()],
      );
      if (code !== "ok") return fail("round_locked");
      const file = await buildExport(roundId);
      if (!file) return fail("internal");
      await compactAppendOnlyFile();
      logger.info("round locked", { roundId, ballots: file.ballots.length, digest: file.digest });
      return ok({ digest: file.digest });
    },
  };
}

export type LockService = ReturnType<typeof createLockService>;
