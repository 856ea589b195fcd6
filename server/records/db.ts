import { type ColumnType, type Generated, Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import { MIGRATIONS } from "./migrations/index.ts";

/** The tables of migrations/, as queries see them. */
export interface Database {
  departments: { id: Generated<string>; name: string; created_at: Generated<Date> };
  people: {
    id: Generated<string>;
    staff_no: string | null;
    name: string;
    unit: Generated<string>;
    created_at: Generated<Date>;
  };
  posts: {
    id: Generated<string>;
    code: string | null;
    department_id: string | null;
    title: string;
    created_at: Generated<Date>;
  };
  rounds: {
    id: string;
    title: string;
    kind: Generated<"formal" | "rehearsal">;
    status: Generated<"draft" | "session" | "locked">;
    config: ColumnType<unknown, string, string>;
    config_sha256: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
    started_at: Date | null;
    locked_at: Date | null;
    digest: string | null;
    final_state: ColumnType<unknown, string | null, string | null>;
    archived_at: Date | null;
  };
  round_posts: { round_id: string; local_id: string; post_id: string; seats: number };
  round_candidates: { round_id: string; local_id: string; person_id: string };
  round_ballots: { round_id: string; ordinal: number; ballot: ColumnType<unknown, string, never> };
  round_evaluations: {
    round_id: string;
    ordinal: number;
    evaluation: ColumnType<unknown, string, never>;
  };
  round_decisions: {
    round_id: string;
    ordinal: number;
    decision: ColumnType<unknown, string, never>;
  };
  round_displays: {
    round_id: string;
    screen: "welcome" | "result" | "evaluation" | "ranking" | "locked";
    shown_candidate: string | null;
    revealed: ColumnType<string[], string, string>;
    version: number;
  };
  round_exports: {
    round_id: string;
    format: string;
    body: string;
    digest: string;
    created_at: Generated<Date>;
  };
  audit_entries: {
    seq: ColumnType<string, never, never>;
    entry_id: string;
    round_id: string | null;
    at: Date;
    body: string;
    prev_hash: ColumnType<string, never, never>;
    hash: ColumnType<string, never, never>;
  };
}

export type Db = Kysely<Database>;

/**
 * One pool per node. A query waits at most `connectionTimeoutMillis` for a connection, so
 * a PostgreSQL that is down makes a records call fail in seconds instead of hanging a
 * handler; the live path never waits on it.
 */
export function connectDatabase(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    // A query that hangs (a lock never released) is ended rather than blocking a handler.
    statement_timeout: 15_000,
  });
  // An idle client whose server went away emits 'error' on the pool: not fatal.
  pool.on("error", () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Applies the migrations of migrations/ in name order and records each in the
 * database (Kysely's Migrator; it holds a lock, so two nodes starting at once apply each
 * once). Resolves to the names applied now.
 */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** PostgreSQL's SQLSTATE of a failed query, if it is one. */
export function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}

/** The states the schema's own rules raise (migrations/0001_records.ts). */
export const SQLSTATE = {
  unique: "23505",
  foreignKey: "23503",
  check: "23514",
  notDeletable: "JP001",
  badTransition: "JP002",
  frozen: "JP003",
  fixed: "JP004",
  appendOnly: "JP005",
} as const;

/**
 * The records cannot be reached right now (server down, restarting, socket gone, pool
 * timed out): the client is told `records_unavailable` instead of `internal`.
 */
export function isRecordsUnavailable(err: unknown): boolean {
  const state = sqlState(err);
  if (state?.startsWith("08") || state === "57P01" || state === "57P02" || state === "57P03") {
    return true;
  }
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "ECONNREFUSED" || code === "ENOENT" || code === "ECONNRESET") return true;
  const message = err instanceof Error ? err.message : "";
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(
    message,
  );
}
