import type { Redis } from "ioredis";
import type { AuditEntry, CommandName } from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import type { RedisKeys } from "./keys.ts";
import type { AuditWrite } from "./lua.ts";

/**
 * The staff actions that make the audit trail (for the observer and the export's
 * reviewers). Timers and screen switches are left out: they change nothing that counts.
 * Voters' actions are never recorded, so the trail cannot link a card to a ballot.
 *
 * Every audited action appends its entry inside its own Lua script (`defineAuditedScript`),
 * in the same atomic step as the action: an action that happened is always in the trail,
 * one that was refused never is, and nothing after the action can fail to record it.
 */

/** What an entry says beyond who and what: the thing it concerned and any free text. */
interface AuditDetail {
  subject?: string | null;
  note?: string | null;
}

export function createAuditStore(redis: Redis, keys: RedisKeys) {
  return {
    /**
     * The entry an audited script appends when it succeeds. Only staff actions are
     * audited; the command table lets no other role send them.
     */
    write(
      principal: Principal,
      roundId: string,
      action: CommandName,
      detail: AuditDetail = {},
      at: Date = new Date(),
    ): AuditWrite {
      const role = principal.role === "chair" ? "chair" : "organizer";
      const entry: AuditEntry = {
        at: at.toISOString(),
        role,
        action,
        subject: detail.subject ?? null,
        note: detail.note ?? null,
      };
      return { key: keys.audit(roundId), entry: JSON.stringify(entry) };
    },

    async list(roundId: string): Promise<AuditEntry[]> {
      return (await redis.lrange(keys.audit(roundId), 0, -1)).map(
        (e) => JSON.parse(e) as AuditEntry,
      );
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
