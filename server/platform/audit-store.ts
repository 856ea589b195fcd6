import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { canonicalJson } from "../../shared/canonical-json.ts";
import type { AuditEntry, CommandName } from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import { type AuditRecord, type AuditRecords, legacyEntryId } from "../records/audit-records.ts";
import type { RedisKeys } from "./keys.ts";
import { type AuditWrite, defineScript } from "./lua.ts";

/**
 * The staff actions that make the audit trail (for the observer and the export's
 * reviewers). Timers and screen switches are left out: they change nothing that counts.
 * Voters' actions are never recorded, so the trail cannot link a card to a ballot.
 *
 * The trail is kept in PostgreSQL, append-only and hash-chained (records/audit-records.ts).
 * A live action appends its entry inside its own Lua script (`defineAuditedScript`), to the
 * round's outbox list in Redis, in the same atomic step as the action: an action that
 * happened is always in the trail, one that was refused never is, and the live path never
 * waits on PostgreSQL. Every node drains the outboxes into the records (`drain`); an entry
 * carries its own id, so one drained twice (a node that died between the two steps) is
 * stored once. A records action (import, start, delete, archive) writes its entry in its
 * own transaction.
 */

/** What an entry says beyond who and what: the thing it concerned and any free text. */
interface AuditDetail {
  subject?: string | null;
  note?: string | null;
}

/** An entry as the outbox and the records keep it: the public fields, its id and round. */
interface StoredEntry extends AuditEntry {
  id: string;
  /** null: an action of the organization's, not of a round (the staff register). */
  round: string | null;
}

/**
 * What an entry records: a command, or an HTTP action the socket contract does not carry (a
 * file upload).
 */
export type AuditAction = CommandName | "register:import";

/** Most entries moved from an outbox to the records in one transaction. */
const DRAIN_BATCH = 500;

/**
 * An entry as the records keep it, its text canonical JSON with its own id and round. A
 * live action's script appends exactly this text to the outbox; a records action stores it
 * in its own transaction.
 */
export function auditRecord(
  principal: Principal,
  roundId: string | null,
  action: AuditAction,
  detail: AuditDetail = {},
  at: Date = new Date(),
): AuditRecord {
  const role = principal.role === "chair" ? "chair" : "organizer";
  const entry: StoredEntry = {
    id: randomBytes(12).toString("base64url"),
    round: roundId,
    at: at.toISOString(),
    role,
    action,
    subject: detail.subject ?? null,
    note: detail.note ?? null,
  };
  return { entryId: entry.id, roundId, at: entry.at, body: canonicalJson(entry) };
}

/**
 * An outbox entry as a record. Entries written by a version before the records have no id:
 * theirs is taken from their text, so draining one twice still stores it once.
 */
function toRecord(roundId: string, raw: string): AuditRecord {
  const parsed = JSON.parse(raw) as Partial<StoredEntry> & AuditEntry;
  if (typeof parsed.id === "string") {
    return { entryId: parsed.id, roundId, at: parsed.at, body: raw };
  }
  const text = canonicalJson({ ...parsed, round: roundId });
  return { entryId: legacyEntryId(text), roundId, at: parsed.at, body: text };
}

/** The record of an outbox entry, for a records transaction to store instead of the outbox. */
export function outboxRecord(audit: AuditWrite): AuditRecord {
  return toRecord(audit.roundId, audit.entry);
}

function toEntry(text: string): AuditEntry {
  const e = JSON.parse(text) as StoredEntry;
  return { at: e.at, role: e.role, action: e.action, subject: e.subject, note: e.note };
}

export function createAuditStore(redis: Redis, keys: RedisKeys, records: AuditRecords) {
  const trimScript = defineScript(
    redis,
    "audit_trim",
    new URL("./lua/audit-trim.lua", import.meta.url),
    2,
  );

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
      return {
        key: keys.audit(roundId),
        entry: auditRecord(principal, roundId, action, detail, at).body,
        pending: keys.auditPending,
        roundId,
      };
    },

    /** The entry a records action writes in its own transaction. */
    record(
      principal: Principal,
      roundId: string | null,
      action: AuditAction,
      detail: AuditDetail = {},
      at: Date = new Date(),
    ): AuditRecord {
      return auditRecord(principal, roundId, action, detail, at);
    },

    /**
     * Moves the round's outbox into the records, oldest first; resolves to how many entries
     * it moved. Safe to run on every node at once: the trim only removes what was stored.
     */
    async drain(roundId: string): Promise<number> {
      const trimKeys = [keys.audit(roundId), keys.auditPending];
      let moved = 0;
      for (;;) {
        const raw = await redis.lrange(keys.audit(roundId), 0, DRAIN_BATCH - 1);
        const first = raw[0];
        if (first === undefined) {
          await trimScript(trimKeys, [0, "", roundId]);
          return moved;
        }
        await records.append(raw.map((r) => toRecord(roundId, r)));
        // Only if the outbox still starts with what was read: another node may have trimmed.
        await trimScript(trimKeys, [raw.length, first, roundId]);
        moved += raw.length;
        if (raw.length < DRAIN_BATCH) return moved;
      }
    },

    /** Rounds whose outbox holds entries not yet in the records (the sweep drains them). */
    pending: (): Promise<string[]> => redis.smembers(keys.auditPending),

    /** The round's trail in time order: what the records hold and what is still on its way. */
    async list(roundId: string): Promise<AuditEntry[]> {
      const [stored, pending] = await Promise.all([
        records.list(roundId),
        redis.lrange(keys.audit(roundId), 0, -1),
      ]);
      const seen = new Set(stored.map((e) => e.entryId));
      const texts = stored.map((e) => ({ at: e.at, text: e.body }));
      for (const raw of pending) {
        const record = toRecord(roundId, raw);
        if (!seen.has(record.entryId)) texts.push({ at: record.at, text: record.body });
      }
      // Stable: entries of the same instant keep the order they were appended in.
      return texts
        .map((t, i) => ({ ...t, i }))
        .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.i - b.i))
        .map((t) => toEntry(t.text));
    },
  };
}

export type AuditStore = ReturnType<typeof createAuditStore>;
