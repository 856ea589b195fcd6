import type { Redis } from "ioredis";
import type { RoundSummary } from "../../shared/protocol/index.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/** Whether an import takes the projector: yes, no, or only when no other round is live. */
type ActivateMode = "always" | "never" | "unless-live";

/**
 * Rounds: the imported configuration is immutable once stored (a changed plan is a new
 * import), so a node may keep it in memory; everything that changes lives in Redis only.
 */
export function createRoundStore(redis: Redis, keys: RedisKeys) {
  const configCache = new Map<string, RoundConfig>();
  const createScript = defineScript(redis, "round_create", lua("round-create"));
  const activateScript = defineAuditedScript(redis, "round_activate", lua("round-activate"));

  return {
    /** Stores the round; resolves whether it took the projector. */
    async create(
      id: string,
      config: RoundConfig,
      now: Date,
      activate: ActivateMode,
    ): Promise<{ activated: boolean }> {
      // The script checks the active round it was given is still the active one; another
      // import or activation in between means reading it again.
      for (let attempt = 0; attempt < 5; attempt++) {
        const active = (await redis.get(keys.activeRound)) ?? "";
        const liveKeys = active ? [keys.state(active), keys.windows(active)] : [];
        const [code, activated] = (await createScript(
          [keys.config(id), keys.state(id), keys.rounds, keys.activeRound, ...liveKeys],
          [id, JSON.stringify(config), now.toISOString(), now.getTime(), activate, active],
        )) as string[];
        if (code === "ok") return { activated: activated === "1" };
      }
      throw new Error("the active round kept changing during an import");
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
        const [config, state, windows] = await Promise.all([
          this.config(id),
          redis.hmget(keys.state(id), "status", "createdAt", "digest", "current", "evaluation"),
          redis.exists(keys.windows(id)),
        ]);
        if (!config) continue;
        out.push({
          id,
          title: config.title,
          status: state[0] === "locked" ? "locked" : "open",
          createdAt: state[1] ?? "",
          active: id === active,
          // The same rule as round-create.lua: something happened and it is not locked.
          live:
            id === active &&
            state[0] !== "locked" &&
            (state[3] !== null || state[4] !== null || windows === 1),
          digest: state[2] ?? null,
        });
      }
      return out;
    },

    async exists(id: string): Promise<boolean> {
      return (await redis.exists(keys.config(id))) === 1;
    },

    activeId: () => redis.get(keys.activeRound),
    activate: (id: string, audit: AuditWrite) =>
      activateScript([keys.config(id), keys.activeRound], [id], audit) as Promise<
        "ok" | "round_not_found"
      >,
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
