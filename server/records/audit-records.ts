import type { Kysely } from "kysely";
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

/** What `npm run audit:verify` reports: the chain is whole, or where it first breaks. */
export type ChainCheck =
  | { ok: true; entries: number; head: string | null }
  | { ok: false; entries: number; firstBroken: { seq: number; reason: "prev_hash" | "hash" } };

export const GENESIS_HASH = "0".repeat(64);

/** The chain's rule (the database's trigger applies it; a verifier applies it again). */
export const chainHash = (prevHash: string, body: string): string =>
  sha256Hex(`${prevHash}\n${body}`);

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
      return rows.map((r) => ({
        seq: Number(r.seq),
        entryId: r.entry_id,
        roundId: r.round_id,
        at: r.at.toISOString(),
        body: r.body,
        prevHash: r.prev_hash,
        hash: r.hash,
      }));
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
          .select(["seq", "body", "prev_hash", "hash"])
          .where("seq", ">", after)
          .orderBy("seq")
          .limit(5000)
          .execute();
        if (page.length === 0) break;
        for (const r of page) {
          const seq = Number(r.seq);
          if (r.prev_hash !== prev) {
            return { ok: false, entries, firstBroken: { seq, reason: "prev_hash" } };
          }
          if (r.hash !== chainHash(r.prev_hash, r.body)) {
            return { ok: false, entries, firstBroken: { seq, reason: "hash" } };
          }
          prev = r.hash;
          entries++;
          after = r.seq;
        }
      }
      return { ok: true, entries, head: entries > 0 ? prev : null };
    },
  };
}
