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
 * Most actions append their entry inside their own Lua script (`defineAuditedScript`), in
 * the same atomic step as the action. The commands listed here are still recorded by the
 * command router after the handler succeeded, until their scripts take the entry too.
 */
const RECORDED_AFTER = new Set<CommandName>([]);

/** What an entry says beyond who and what: the thing it concerned and any free text. */
export interface AuditDetail {
  subject?: string | null;
  note?: string | null;
}

type Payload = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

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

    /** Appends one entry after a successful command that does not audit in its script. */
    async record(
      principal: Principal,
      name: CommandName,
      payload: Payload,
      at: Date,
    ): Promise<void> {
      const roundId = text(payload.roundId);
      if (!RECORDED_AFTER.has(name) || !roundId) return;
      if (principal.role !== "organizer" && principal.role !== "chair") return;
      const entry: AuditEntry = {
        at: at.toISOString(),
        role: principal.role,
        action: name,
        subject:
          text(payload.candidateId) ??
          text(payload.positionId) ??
          text(payload.cardId) ??
          text(payload.role),
        note: text(payload.reason),
      };
      await redis.rpush(keys.audit(roundId), JSON.stringify(entry));
    },

    async list(roundId: string): Promise<AuditEntry[]> {
      return (await redis.lrange(keys.audit(roundId), 0, -1)).map(
        (e) => JSON.parse(e) as AuditEntry,
      );
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
