import type { Redis } from "ioredis";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { fail, ok, type Result } from "../../shared/errors.ts";
import {
  buildRoundExport,
  type RoundExport,
  verifyRoundExport,
} from "../../shared/round-export.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";
import type { FinalState, RoundRecords } from "../records/round-records.ts";
import type { RoundStore } from "../setup/round-store.ts";
import type { BallotStore } from "./ballot-store.ts";
import type { DecisionStore } from "./decision-store.ts";
import { resultReads } from "./result-service.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/** What landing a lock needs from the rest of the live session. */
export interface LockDeps {
  redis: Redis;
  keys: RedisKeys;
  rounds: RoundStore;
  records: RoundRecords;
  ballots: BallotStore;
  decisions: DecisionStore;
  /** The session as it stands, for the locked round's screens once Redis forgets it. */
  finalState(roundId: string, candidateIds: string[]): Promise<FinalState>;
  /** Moves the round's audit outbox into the records. */
  drainAudit(roundId: string): Promise<number>;
  logger: Logger;
}

/**
 * The lock, in three steps. One atomic script ends every ballot write, strips the cards
 * from the ballots and puts the round on the durable list of locks to finish. Then the
 * export (results, canonical JSON, digest) is built from what is stored, checked the way
 * `npm run recount` checks it, and stored in Redis: the screens show its digest. Then one
 * PostgreSQL transaction lands the card-less ballots, evaluations, decisions, the export
 * and the final state in the records, and the round's keys in Redis, card secrets
 * included, are deleted. Until the landing the round reads "locked, archiving" (the
 * records may be down). Building is deterministic and landing idempotent, so whichever
 * node finishes it — the one that locked, a node that starts, a join, the sweep — lands
 * the very same file.
 */
export function createLockService(d: LockDeps) {
  const { redis, keys, rounds, ballots, decisions, logger } = d;
  const lockScript = defineAuditedScript(redis, "round_lock", lua("round-lock"));
  const storeScript = defineScript(redis, "export_store", lua("export-store"), 2);
  const discardScript = defineScript(redis, "round_discard", lua("round-discard"), 3);
  const cache = new Map<string, RoundExport>();
  const { liveMarks } = resultReads(redis, keys);

  async function storedExport(roundId: string): Promise<RoundExport | null> {
    const cached = cache.get(roundId);
    if (cached) return cached;
    const landed = await d.records.archived(roundId);
    if (landed) {
      cache.set(roundId, landed.file);
      return landed.file;
    }
    const raw = await redis.get(keys.export(roundId));
    if (!raw) return null;
    const file = JSON.parse(raw) as RoundExport;
    cache.set(roundId, file);
    return file;
  }

  /** Builds, checks and stores the export of a locked round in Redis; null when not locked. */
  async function buildExport(roundId: string): Promise<RoundExport | null> {
    const inRedis = await redis.get(keys.export(roundId));
    if (inRedis) return JSON.parse(inRedis) as RoundExport;
    const config = await rounds.config(roundId);
    const lockedAt = await redis.hget(keys.state(roundId), "lockedAt");
    if (!config || !lockedAt) return null;
    const file = buildRoundExport({
      round: { id: roundId, title: config.title, lockedAt },
      config,
      ballots: await ballots.finalBallots(roundId),
      evaluations: await ballots.finalEvaluations(roundId),
      abstentions: await ballots.finalAbstentions(roundId),
      // The lock ends every mark too (candidate-mark.lua refuses a locked round): as they stand.
      marks: await liveMarks(roundId),
      decisions: await decisions.list(roundId),
    });
    // What is stored must recount to itself: a file that does not is never published.
    const check = verifyRoundExport(JSON.parse(JSON.stringify(file)));
    if (!check.ok) throw new Error(`export of ${roundId} does not verify`);
    await storeScript(
      [keys.export(roundId), keys.state(roundId)],
      [canonicalJson(file), file.digest],
    );
    return JSON.parse((await redis.get(keys.export(roundId))) ?? "null") as RoundExport | null;
  }

  /**
   * Finishes a lock: the export, then the landing in the records, then the clean-up of
   * Redis. Resolves to the export once it is in the records; null when the round is not
   * locked. Throws when a step fails (the records are down): the round stays on the list
   * and the sweep tries again.
   */
  async function finishLock(roundId: string): Promise<RoundExport | null> {
    const landed = await d.records.archived(roundId);
    if (landed) {
      await forget(roundId);
      return landed.file;
    }
    const file = await buildExport(roundId);
    if (!file) return null;
    const config = await rounds.config(roundId);
    if (!config) return null;
    const candidateIds = config.candidates.map((c) => c.id);
    const [finalState, finalBallots, finalEvaluations, decided] = await Promise.all([
      d.finalState(roundId, candidateIds),
      ballots.finalBallots(roundId),
      ballots.finalEvaluations(roundId),
      decisions.list(roundId),
    ]);
    // The trail first: once the round's keys are gone, its outbox is too.
    await d.drainAudit(roundId);
    // Abstentions land in the export only (its body): round_ballots holds speech ballots,
    // which an abstention is not.
    await d.records.land(roundId, {
      file,
      body: canonicalJson(file),
      ballots: finalBallots,
      evaluations: finalEvaluations,
      decisions: decided,
      finalState,
    });
    logger.info("round landed in the records", { roundId, digest: file.digest });
    await forget(roundId);
    return file;
  }

  /**
   * Deletes everything Redis holds of a landed round: its keys (ballots, counts, state,
   * export) and the credentials of its cards, then moves what its audit outbox still holds
   * into the records. The outbox is not deleted with the rest: an entry appended between a
   * drain and a delete would be lost, whereas one that arrives after this drain (an action
   * racing the clean-up) stays on the set of outboxes the sweep drains. Idempotent.
   */
  async function forget(roundId: string): Promise<void> {
    const outbox = keys.audit(roundId);
    const cards = await redis.hgetall(keys.cards(roundId));
    const credentials = Object.values(cards).flatMap((raw) => {
      const secret = (JSON.parse(raw) as { secret?: unknown }).secret;
      return typeof secret === "string" ? [keys.auth(secret)] : [];
    });
    const roundKeys: string[] = [];
    const stream = redis.scanStream({ match: `${keys.roundPrefix(roundId)}*`, count: 500 });
    for await (const found of stream as AsyncIterable<string[]>) {
      roundKeys.push(...found.filter((k) => k !== outbox));
    }
    const all = [...credentials, ...roundKeys];
    for (let i = 0; i < all.length; i += 500) await redis.unlink(...all.slice(i, i + 500));
    await redis.srem(keys.exportsPending, roundId);
    await redis.zrem(keys.tallyDue, roundId);
    await d.drainAudit(roundId);
  }

  return {
    /**
     * Deletes the live session of a round the records no longer hold (a deleted rehearsal):
     * it stops taking writes, leaves the projector, and its keys and card credentials go.
     * Resolves to its cards (their phones are told) and whether it was on the projector.
     */
    async discard(roundId: string): Promise<{ cardIds: string[]; wasActive: boolean }> {
      const cardIds = await redis.hkeys(keys.cards(roundId));
      const wasActive = await discardScript(
        [keys.activeRound, keys.state(roundId), keys.diskPurgePending],
        [roundId],
      );
      await forget(roundId);
      cache.delete(roundId);
      return { cardIds, wasActive: wasActive === 1 };
    },

    /** The export of a locked round (finishing it if no node has yet); null while open. */
    async readExport(roundId: string): Promise<RoundExport | null> {
      const stored = await storedExport(roundId);
      if (stored) return stored;
      if ((await redis.hget(keys.state(roundId), "status")) !== "locked") return null;
      // The records may be down: the export built in Redis is served meanwhile.
      return finishLock(roundId).catch(async (err: unknown) => {
        logger.warn("lock not landed yet", { roundId, ...errorFields(err) });
        return buildExport(roundId);
      });
    },

    /** Finishes every lock left to finish; returns the rounds it landed. */
    async finishPending(): Promise<string[]> {
      const done: string[] = [];
      for (const roundId of await redis.smembers(keys.exportsPending)) {
        try {
          if (await finishLock(roundId)) done.push(roundId);
        } catch (err) {
          logger.error("lock not finished", { roundId, ...errorFields(err) });
        }
      }
      return done;
    },

    /**
     * Deletes what Redis still holds of rounds the records hold as landed; resolves to
     * those rounds. Run at start-up (main.ts, and every node's first sweep). Normally there
     * are none: a landing deletes the round's keys itself, and a node that died in between
     * left the round on the list that finishPending works off. After a restore there may
     * be some: `npm run backup` copies Redis first and PostgreSQL after it, so a lock that
     * landed between the two copies is, in the backup, a round still open (or locked, not
     * landed) in Redis and landed in the records. The records' copy is the right one: it
     * holds every ballot acknowledged before the lock, and Redis's older copy cannot hold
     * one that it lacks, as it was taken earlier. Redis's copy must go, or the round would
     * read open again and take ballots that count for nothing.
     *
     * The reverse — a round in session in the records that Redis has already forgotten,
     * which would lose its ballots — cannot be restored from a backup: Redis forgets a
     * round only after its landing committed (finishLock, forget), the records never undo
     * a landing (the rounds_guard trigger of migrations/0001_records.ts allows no step
     * back; a deleted rehearsal round leaves nothing to lose), and the records' copy is
     * taken after Redis's. A round Redis's copy has forgotten had landed before it, so
     * before the records' copy too.
     */
    async reconcile(): Promise<string[]> {
      const landed = await d.records.landedIds();
      if (landed.length === 0) return [];
      const pipe = redis.pipeline();
      for (const roundId of landed) pipe.exists(keys.state(roundId));
      const replies = (await pipe.exec()) ?? [];
      const stale = landed.filter((_, i) => {
        const [err, found] = replies[i] ?? [null, 0];
        if (err) throw err;
        return found === 1;
      });
      if (stale.length === 0) return [];
      // The restore wrote the rounds' card-keyed ballots to the append-only file again:
      // they stay secret only once a rewrite has run (disk-purge.ts).
      await redis.sadd(keys.diskPurgePending, ...stale);
      for (const roundId of stale) {
        await forget(roundId);
        logger.warn("a landed round was still in Redis (a restored backup): its keys deleted", {
          roundId,
        });
      }
      return stale;
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
        keys.abstentions(roundId, c.id),
        keys.abstentionMeta(roundId, c.id),
      ]);
      const code = await lockScript(
        [
          keys.state(roundId),
          keys.finalBallots(roundId),
          keys.finalEvaluations(roundId),
          keys.evaluationMeta(roundId),
          keys.exportsPending,
          keys.diskPurgePending,
          keys.finalAbstentions(roundId),
          keys.cardStatus(roundId),
          ...candidateKeys,
        ],
        [now.toISOString(), roundId],
        audit,
      );
      if (code !== "ok") return fail("round_locked");
      let digest: string | null = null;
      try {
        const file = await buildExport(roundId);
        digest = file?.digest ?? null;
        logger.info("round locked", { roundId, ballots: file?.ballots.length, digest });
      } catch (err) {
        logger.error("round locked, export left to the sweep", { roundId, ...errorFields(err) });
        return ok({ digest: null });
      }
      try {
        await finishLock(roundId);
      } catch (err) {
        logger.warn("round locked, landing left to the sweep", { roundId, ...errorFields(err) });
      }
      return ok({ digest });
    },
  };
}

export type LockService = ReturnType<typeof createLockService>;
