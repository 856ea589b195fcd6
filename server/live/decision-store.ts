import type { Redis } from "ioredis";
import type { TieDecision } from "../../shared/round-export.ts";
import type { RedisKeys } from "../platform/keys.ts";

/** Tie decisions, append only: a later decision for the same post does not erase the earlier. */
export function createDecisionStore(redis: Redis, keys: RedisKeys) {
  return {
    async append(roundId: string, decision: TieDecision): Promise<void> {
      await redis.rpush(keys.decisions(roundId), JSON.stringify(decision));
    },
    async list(roundId: string): Promise<TieDecision[]> {
      const raw = await redis.lrange(keys.decisions(roundId), 0, -1);
      return raw.map((d) => JSON.parse(d) as TieDecision);
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
