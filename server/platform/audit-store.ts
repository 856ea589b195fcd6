import type { Redis } from "ioredis";
import type { AuditEntry, CommandName } from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import type { RedisKeys } from "./keys.ts";

/**
 * The staff actions that make the audit trail (for the observer and the export's
 * reviewers). Timers and screen switches are left out: they change nothing that counts.
 * Voters' actions are never recorded, so the trail cannot link a card to a ballot.
 */
const AUDITED = new Set<CommandName>([
  "round:activate",
  "link:create",
  "cards:issue",
  "card:void",
  "card:reissue",
  "session:goto",
  "scoring:open",
  "scoring:close",
  "result:reveal",
  "evaluation:open",
  "evaluation:close",
  "evaluation:reveal",
  "tie:decide",
  "round:lock",
]);

type Payload = Record<string, unknown>;

const text = (v: unknown): string | null => (typeof v === "string" ? v : null);

export function createAuditStore(redis: Redis, keys: RedisKeys) {
  return {
    /** Appends one entry when a successful command belongs to the trail. */
    async record(
      principal: Principal,
      name: CommandName,
      payload: Payload,
      at: Date,
    ): Promise<void> {
      const roundId = text(payload.roundId);
      if (!AUDITED.has(name) || !roundId) return;
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
        note: text(payload.reason) ?? (payload.counts ? JSON.stringify(payload.counts) : null),
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
