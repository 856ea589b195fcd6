import type { Redis } from "ioredis";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import { defineScript } from "../platform/lua.ts";

type Info = Record<string, string>;

function parseInfo(text: string): Info {
  const out: Info = {};
  for (const line of text.split("\r\n")) {
    const at = line.indexOf(":");
    if (at > 0) out[line.slice(0, at)] = line.slice(at + 1);
  }
  return out;
}

/**
 * Secret ballot on disk: until the lock, ballots are written keyed by card, and the
 * append-only file keeps every such write until Redis rewrites it. A lock is finished on
 * disk only once a rewrite that *started after it* has completed. Redis refuses a rewrite
 * while one runs and forgets a request when it stops, so the lock script records the
 * round in a durable set, and every node's sweep drives it with Redis-only state:
 *
 * 1. no rewrite recorded for this Redis run: when none is running, ask for one and record
 *    its number (Redis's `aof_rewrites` counts rewrites started) and the rounds it covers;
 * 2. a recorded one: once `aof_rewrites` has reached it, none is running and the last
 *    rewrite succeeded, its rounds are settled (a later rewrite started later still).
 *
 * A restarted Redis has a new run id, so a rewrite recorded before it counts for nothing
 * and a new one is asked. Redis without AOF keeps no such file: the rounds settle at once.
 */
export function createDiskPurge(redis: Redis, keys: RedisKeys, logger: Logger) {
  const settleScript = defineScript(
    redis,
    "disk_purge_settle",
    new URL("./lua/disk-purge-settle.lua", import.meta.url),
  );

  async function settle(roundIds: string[]): Promise<string[]> {
    await settleScript(
      [keys.diskPurgePending, keys.diskPurgeRewrite, ...roundIds.map((r) => keys.state(r))],
      roundIds,
    );
    logger.info("card-keyed writes rewritten off disk", { rounds: roundIds.length });
    return roundIds;
  }

  async function startRewrite(info: Info, runId: string, roundIds: string[]): Promise<void> {
    const number = Number(info.aof_rewrites ?? 0) + 1;
    try {
      await redis.bgrewriteaof();
    } catch (err) {
      // Another node's (or Redis's own) rewrite began in between: the next sweep looks again.
      logger.info("aof rewrite not started", errorFields(err));
      return;
    }
    await redis.hset(keys.diskPurgeRewrite, {
      runId,
      number,
      rounds: JSON.stringify(roundIds),
    });
  }

  return {
    /** One step of the procedure above; returns the rounds settled by it. */
    async sweep(): Promise<string[]> {
      const pending = await redis.smembers(keys.diskPurgePending);
      if (pending.length === 0) return [];
      const [persistence, server, recorded] = await Promise.all([
        redis.info("persistence"),
        redis.info("server"),
        redis.hgetall(keys.diskPurgeRewrite),
      ]);
      const info = parseInfo(persistence);
      const runId = parseInfo(server).run_id ?? "";
      if (info.aof_enabled !== "1") return settle(pending);
      const running = info.aof_rewrite_in_progress === "1" || info.aof_rewrite_scheduled === "1";
      if (recorded.runId === runId && recorded.rounds) {
        if (running || Number(info.aof_rewrites) < Number(recorded.number)) return [];
        if (info.aof_last_bgrewrite_status === "ok") {
          return settle(JSON.parse(recorded.rounds) as string[]);
        }
        await redis.del(keys.diskPurgeRewrite); // it failed: ask again
        return [];
      }
      // A rewrite running now may have started before these locks: wait for it to end.
      if (!running) await startRewrite(info, runId, pending);
      return [];
    },
  };
}

export type DiskPurge = ReturnType<typeof createDiskPurge>;
