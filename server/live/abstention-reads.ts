import type { ChainableCommander, Redis } from "ioredis";
import type { Abstention } from "../../shared/scoring/types.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { defineScript } from "../platform/lua.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/**
 * Reads of the abstentions (回避) that count before the lock: those of active cards
 * (abstention-count.lua), for the progress and for results computed live.
 */
export function abstentionReads(redis: Redis, keys: RedisKeys) {
  const script = defineScript(redis, "abstention_count", lua("abstention-count"));
  const queue = (pipe: ChainableCommander, roundId: string, candidateIds: string[]) =>
    script.queue(
      pipe,
      [keys.cardStatus(roundId), ...candidateIds.map((c) => keys.abstentions(roundId, c))],
      [],
    );
  return {
    /** Queues the read: its reply is, per candidate in order, the abstentions' JSON. */
    queue,

    /** The abstentions that count now for these candidates, card-less. */
    async live(roundId: string, candidateIds: string[]): Promise<Abstention[]> {
      if (candidateIds.length === 0) return [];
      const pipe = redis.pipeline();
      queue(pipe, roundId, candidateIds);
      const [[err, lists] = [null, []]] = (await pipe.exec()) ?? [];
      if (err) throw err;
      return (lists as string[][]).flat().map((raw) => JSON.parse(raw) as Abstention);
    },
  };
}
