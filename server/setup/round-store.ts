import type { Redis } from "ioredis";
import type { RoundSummary } from "../../shared/protocol/index.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { RedisKeys } from "../platform/keys.ts";

/**
 * Rounds: the imported configuration is immutable once stored (a changed plan is a new
 * import), so a node may keep it in memory; everything that changes lives in Redis only.
 */
export function createRoundStore(redis: Redis, keys: RedisKeys) {
  const configCache = new Map<string, RoundConfig>();

  return {
    async create(id: string, config: RoundConfig, now: Date): Promise<void> {
      await redis
        .multi()
        .set(keys.config(id), JSON.stringify(config))
        .hset(keys.state(id), {
          status: "open",
          screen: "welcome",
          version: "1",
          createdAt: now.toISOString(),
        })
        .zadd(keys.rounds, now.getTime(), id)
        .set(keys.activeRound, id)
        .exec();
    },

    async config(id: string): Promise<RoundConfig | null> {
      const cached = configCache.get(id);
      if (cached) return cached;
      const raw = await redis.get(keys.config(id));
      if (!raw) return null;
      const config = JSON.parse(raw) as RoundConfig;
      configCache.set(id, config);
      return config;
    },

    async list(): Promise<RoundSummary[]> {
      const [ids, active] = await Promise.all([
        redis.zrevrange(keys.rounds, 0, -1),
        redis.get(keys.activeRound),
      ]);
      const out: RoundSummary[] = [];
      for (const id of ids) {
        const [config, state] = await Promise.all([
          this.config(id),
          redis.hmget(keys.state(id), "status", "createdAt", "digest"),
        ]);
        if (!config) continue;
        out.push({
          id,
          title: config.title,
          status: state[0] === "locked" ? "locked" : "open",
          createdAt: state[1] ?? "",
          active: id === active,
          digest: state[2] ?? null,
        });
      }
      return out;
    },

    async exists(id: string): Promise<boolean> {
      return (await redis.exists(keys.config(id))) === 1;
    },

    activeId: () => redis.get(keys.activeRound),
    activate: (id: string) => redis.set(keys.activeRound, id),
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
