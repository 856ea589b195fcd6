import type { Kysely, Selectable } from "kysely";
import { sha256Hex } from "../../shared/sha256.ts";
import type { Database, Db } from "./db.ts";

/** One audit entry as it is appended: its id makes a retried append land once. */
export interface AuditRecord {
  entryId: string;
  roundId: string | null;
  /** ISO time of the action. */
  at: string;
  /** The entry's canonical JSON (audit-store.ts): the chain hashes exactly this text. */
  body: string;
}

export interface StoredAuditEntry extends AuditRecord {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Why an entry breaks the trail: its prev_hash is not the hash of the entry before it (one
 * was removed, inserted or reordered), its hash is not that of its own text (the text was
 * changed), or its id, round or time columns say something its text does not (the entry
 * was moved to another round's trail, say), since only the text is hashed.
 */
export type ChainBreak = "prev_hash" | "hash" | "fields";

/** What `npm run audit:verify` reports: the chain is whole, or where it first breaks. */
export type ChainCheck =
  | { ok: true; entries: number; head: string | null }
  | {
      ok: false;
      /** Entries that held, before the broken one. */
      entries: number;
      firstBroken: StoredAuditEntry & { reason: ChainBreak };
    };

export const GENESIS_HASH = "0".repeat(64);

/** The chain's rule (the database's trigger applies it; a verifier applies it again). */
export const chainHash = (prevHash: string, body: string): string =>
  sha256Hex(`${prevHash}\n${body}`);

/**
 * The id of an entry written by a version before the records, which had none: taken from
 * its text, so the same entry drained twice is stored once.
 */
export const legacyEntryId = (body: string): string => `v0-${sha256Hex(body).slice(0, 40)}`;

/** Whether the columns beside the hashed text say what the text says. */
function fieldsHold(e: Pick<StoredAuditEntry, "entryId" | "roundId" | "at" | "body">): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(e.body);
  } catch {
    return false;
  }
  if (typeof parsed !== "object" || parsed === null) return false;
  const { id, round, at } = parsed as { id?: unknown; round?: unknown; at?: unknown };
  const entryId = typeof id === "string" ? id : legacyEntryId(e.body);
  return (
    entryId === e.entryId &&
    (round ?? null) === e.roundId &&
    typeof at === "string" &&
    Date.parse(at) === Date.parse(e.at)
  );
}

type EntryRow = Selectable<Database["audit_entries"]>;

const toStored = (r: EntryRow): StoredAuditEntry => ({
  seq: Number(r.seq),
  entryId: r.entry_id,
  roundId: r.round_id,
  at: r.at.toISOString(),
  body: r.body,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/**
 * Appends entries inside the caller's transaction. The database chains each to the one
 * before (the audit_chain trigger) and refuses UPDATE, DELETE and TRUNCATE on the table.
 */
export async function insertAudit(tx: Kysely<Database>, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx
    .insertInto("audit_entries")
    .values(
      records.map((r) => ({
        entry_id: r.entryId,
        round_id: r.roundId,
        at: new Date(r.at),
        body: r.body,
      })),
    )
    .onConflict((oc) => oc.column("entry_id").doNothing())
    .execute();
}

export interface AuditRecords {
  append(records: AuditRecord[]): Promise<void>;
  /** The round's entries in the order they were appended. */
  list(roundId: string): Promise<StoredAuditEntry[]>;
  /** Entry ids already stored, of those asked. */
  stored(entryIds: string[]): Promise<Set<string>>;
  /** Walks the whole chain in order; names the first entry that does not hold. */
  verify(): Promise<ChainCheck>;
  /** The entry with this hash (a head noted earlier, to show the trail still holds it). */
  withHash(hash: string): Promise<StoredAuditEntry | null>;
}

export function createAuditRecords(db: Db): AuditRecords {
  return {
    append: (records) => db.transaction().execute((tx) => insertAudit(tx, records)),

    async list(roundId) {
      const rows = await db
        .selectFrom("audit_entries")
        .selectAll()
        .where("round_id", "=", roundId)
        .orderBy("seq")
        .execute();
      return rows.map(toStored);
    },

    async stored(entryIds) {
      if (entryIds.length === 0) return new Set();
      const rows = await db
        .selectFrom("audit_entries")
        .select("entry_id")
        .where("entry_id", "in", entryIds)
        .execute();
      return new Set(rows.map((r) => r.entry_id));
    },

    async verify() {
      let prev = GENESIS_HASH;
      let entries = 0;
      let after = "0";
      // In pages, in order: a trail of years does not have to fit in memory.
      for (;;) {
        const page = await db
          .selectFrom("audit_entries")
          .selectAll()
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(5000)
          .execute();
        if (page.length === 0) break;
        for (const r of page) {
          const entry = toStored(r);
          const reason: ChainBreak | null =
            entry.prevHash !== prev
              ? "prev_hash"
              : entry.hash !== chainHash(entry.prevHash, entry.body)
                ? "hash"
                : fieldsHold(entry)
                  ? null
                  : "fields";
          if (reason) return { ok: false, entries, firstBroken: { ...entry, reason } };
          prev = entry.hash;
          entries++;
          after = r.seq;
        }
      }
      return { ok: true, entries, head: entries > 0 ? prev : null };
    },

    async withHash(hash) {
      const row = await db
        .selectFrom("audit_entries")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirst();
      return row ? toStored(row) : null;
    },
  };
}
