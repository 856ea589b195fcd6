import type { Redis } from "ioredis";
import type { TieDecision } from "../../shared/round-export.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript } from "../platform/lua.ts";

/**
 * Tie decisions, append only: a later decision for the same post does not erase the earlier
 * (the count takes the latest that fits, shared/scoring/settle.ts). Reopening scoring marks
 * the decisions that depended on the candidate voided (window-open.lua), never deletes them.
 */
export function createDecisionStore(redis: Redis, keys: RedisKeys) {
  const appendScript = defineAuditedScript(
    redis,
    "decision_append",
    new URL("./lua/decision-append.lua", import.meta.url),
  );
  return {
    append: (roundId: string, decision: TieDecision, audit: AuditWrite) =>
      appendScript(
        [keys.state(roundId), keys.decisions(roundId), keys.windows(roundId)],
        [JSON.stringify(decision), ...(decision.tied ?? [])],
        audit,
      ) as Promise<"ok" | "round_locked" | "invalid_decision">,
    async list(roundId: string): Promise<TieDecision[]> {
      const raw = await redis.lrange(keys.decisions(roundId), 0, -1);
      return raw.map((d) => JSON.parse(d) as TieDecision);
    },
  };
}

export type DecisionStore = ReturnType<typeof createDecisionStore>;
