import { rooms } from "../../shared/protocol/index.ts";
import type { AppServer } from "../app-types.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import type { RoundStore } from "../setup/round-store.ts";
import type { BallotStore } from "./ballot-store.ts";

/**
 * Coalesced progress for the chair and the projector: the first ballot after a broadcast
 * marks the round pending in Redis (inside the ballot script) and the node that set the
 * mark broadcasts once after `intervalMs`, whichever node later ballots land on. So the
 * staff see a few updates a second at most, never one per ballot.
 */
export function createTallyFeed(
  io: AppServer,
  rounds: RoundStore,
  ballots: BallotStore,
  intervalMs: number,
  logger: Logger,
) {
  let stopped = false;
  const pending = new Set<ReturnType<typeof setTimeout>>();

  /** Never rejects: callers fire it and move on; a failure is logged, the next one heals it. */
  async function broadcast(roundId: string): Promise<void> {
    try {
      const config = await rounds.config(roundId);
      if (!config) return;
      const progress = await ballots.progress(
        roundId,
        config.candidates.map((c) => c.id),
      );
      // Once the node is shutting down its Redis connections go: nothing more is sent.
      if (!stopped) io.to(rooms.staff(roundId)).emit("tally:updated", progress);
    } catch (err) {
      logger.warn("tally broadcast failed", { roundId, ...errorFields(err) });
    }
  }

  return {
    broadcast,
    /** Called by the node whose ballot set the pending mark. */
    schedule(roundId: string): void {
      if (stopped) return;
      const timer = setTimeout(() => {
        pending.delete(timer);
        // Clear first: a ballot landing after this read schedules the next broadcast.
        void ballots
          .clearTallyPending(roundId)
          .then(() => broadcast(roundId))
          .catch((err: unknown) =>
            logger.warn("tally flush failed", { roundId, ...errorFields(err) }),
          );
      }, intervalMs);
      timer.unref();
      pending.add(timer);
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
