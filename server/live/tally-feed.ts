import type { Redis } from "ioredis";
import { rooms } from "../../shared/protocol/index.ts";
import type { AppServer } from "../app-types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import { defineScript } from "../platform/lua.ts";
import type { RoundStore } from "../setup/round-store.ts";
import type { BallotStore } from "./ballot-store.ts";

/**
 * How long past its own delay a scheduled broadcast may stay due before any other node
 * takes it over: the scheduling node may have died with the timer.
 */
const TAKEOVER_GRACE_MS = 1000;

/**
 * The mark a ballot script sets: the round enters the `tallyDue` sorted set (ZADD NX) with
 * this deadline from now, in Redis's clock. Only the first ballot after a broadcast adds
 * it, and that ballot's node schedules the broadcast.
 */
export const tallyDueInMs = (intervalMs: number) => intervalMs + TAKEOVER_GRACE_MS;

/**
 * Coalesced progress for the staff and the projector, owned here from the mark to the
 * takeover: the first ballot after a broadcast marks the round due (inside the ballot
 * script) and its node broadcasts once after `intervalMs`, whichever node later ballots
 * land on. A mark still there past its deadline belongs to a node that died: the sweep of
 * any node takes it and broadcasts, so the final count never waits for the next ballot.
 * Taking a mark (ZREM) is atomic, so each scheduled broadcast is sent once.
 */
export function createTallyFeed(
  io: AppServer,
  redis: Redis,
  keys: RedisKeys,
  rounds: RoundStore,
  ballots: BallotStore,
  intervalMs: number,
  logger: Logger,
) {
  const takeDue = defineScript(
    redis,
    "tally_take_due",
    new URL("./lua/tally-take-due.lua", import.meta.url),
    1,
  );
  let stopped = false;
  const pending = new Set<ReturnType<typeof setTimeout>>();

  /** Never rejects: callers fire it and move on; a failure is logged, the next one heals it. */
  async function broadcast(roundId: string): Promise<void> {
    try {
      const config = await rounds.config(roundId);
      if (!config) return;
      const ids = config.candidates.map((c) => c.id);
      const progress = await ballots.progress(roundId, ids, true);
      // Once the node is shutting down its Redis connections go: nothing more is sent.
      if (!stopped) io.to(rooms.staff(roundId)).emit("tally:updated", progress);
    } catch (err) {
      logger.warn("tally broadcast failed", { roundId, ...errorFields(err) });
    }
  }

  async function flush(roundId: string): Promise<void> {
    try {
      // Taken first: a ballot landing after this marks the round for the next broadcast.
      if ((await redis.zrem(keys.tallyDue, roundId)) === 1) await broadcast(roundId);
    } catch (err) {
      logger.warn("tally flush failed", { roundId, ...errorFields(err) });
    }
  }

  return {
    broadcast,
    /** Called by the node whose ballot set the mark. */
    schedule(roundId: string): void {
      if (stopped) return;
      const timer = setTimeout(() => {
        pending.delete(timer);
        void flush(roundId);
      }, intervalMs);
      timer.unref();
      pending.add(timer);
    },

    /** Takes over the marks whose node missed the deadline (every node runs this). */
    async sweep(): Promise<void> {
      if (stopped) return;
      const overdue = (await takeDue([keys.tallyDue], [])) as string[];
      await Promise.all(overdue.map((roundId) => broadcast(roundId)));
    },

    /** Stops broadcasting (before the node closes its Redis connections). */
    stop(): void {
      stopped = true;
      for (const timer of pending) clearTimeout(timer);
      pending.clear();
    },
  };
}

export type TallyFeed = ReturnType<typeof createTallyFeed>;
