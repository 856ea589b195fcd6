import { type ColumnType, type Generated, Kysely, Migrator, PostgresDialect } from "kysely";
import pg from "pg";
import type {
  Education,
  Penalty,
  Relation,
  ReviewGrade,
  Sex,
  VoterGroup,
} from "../../shared/setup/person.ts";
import { MIGRATIONS } from "./migrations/index.ts";

/** jsonb: read as the parsed value, written as JSON text. */
type Json<T> = ColumnType<T, string, string>;

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
  staff_register: {
    person_id: string;
    staff_no: string;
    sex: Sex;
    /** date columns read as 'YYYY-MM-DD' (connectDatabase). */
    birth_date: string;
    department_id: string;
    current_post: string;
    grade: string;
    grade_since: string | null;
    work_start: string;
    /** numeric: read as its decimal text. */
    grassroots_years: ColumnType<string, number, number>;
    education: Education;
    review_grades: Json<Record<string, ReviewGrade>>;
    penalties: Json<Penalty[]>;
    voter_group: VoterGroup;
    updated_at: Generated<Date>;
  };
  staff_relationships: { person_a: string; person_b: string; relation: Relation };
  register_imports: {
    id: ColumnType<string, never, never>;
    file_sha256: string;
    rows: number;
    created: number;
    updated: number;
    unchanged: number;
    relationships_added: number;
    relationships_changed: number;
    relationships_removed: number;
    at: Generated<Date>;
  };
  round_post_terms: {
    round_id: string;
    local_id: string;
    department_id: string | null;
    term_years: number;
    duties: string;
    conditions_text: string;
    conditions: Json<unknown>;
    sort_order: number;
  };
  round_announcements: {
    round_id: string;
    /** Set by the database (the announcement_version trigger). */
    version: ColumnType<number, never, never>;
    published_at: Generated<Date>;
    reference_date: string;
    apply_until: string;
    body: ColumnType<unknown, string, never>;
  };
  round_reviews: { round_id: string; closed_at: Generated<Date> };
  round_applications: {
    id: Generated<string>;
    round_id: string;
    person_id: string;
    post_local_id: string;
    source: "self" | "staff" | "party";
    staff_count: number | null;
    preference: 1 | 2 | null;
    status: Generated<"nominated" | "applied" | "withdrawn" | "passed" | "rejected">;
    reason: string | null;
    checks: ColumnType<unknown, string | null, string | null>;
    decided_by: string | null;
    decided_at: Date | null;
    created_at: Generated<Date>;
    accepted_at: Date | null;
    withdrawn_at: Date | null;
  };
  round_questions: {
    round_id: string;
    /** Set by the database (question_number): Q1, Q2, … per round. */
    id: ColumnType<string, never, never>;
    seq: ColumnType<number, never, never>;
    post_local_id: string;
    text: string;
    author: string;
    created_at: ColumnType<Date, never, never>;
    version: ColumnType<number, never, never>;
    updated_at: ColumnType<Date, never, never>;
    updated_by: string | null;
    deleted_at: ColumnType<Date | null, never, Date>;
    deleted_by: string | null;
  };
  round_question_versions: {
    round_id: string;
    question_id: string;
    version: number;
    action: "created" | "edited" | "deleted";
    text: string;
    by: string;
    at: Date;
  };
  round_question_seals: {
    round_id: string;
    post_local_id: string;
    count: number;
    body: string;
    sha256: string;
    question_ids: Json<string[]>;
    sealed_at: ColumnType<Date, never, never>;
  };
  round_draws: {
    round_id: string;
    /** Set by the database (draw_number): 1, 2, … per round. */
    id: ColumnType<number, never, never>;
    purpose: "speaking-order" | "questions";
    post_local_id: string | null;
    pool: Json<string[]>;
    pool_digest: string;
    picks: number;
    digits_needed: number;
    witnesses: Json<string[]>;
    published_at: ColumnType<Date, never, never>;
    record: ColumnType<unknown, never, string>;
    /** Set by the database when the record is written. */
    drawn_at: ColumnType<Date | null, never, never>;
    superseded_at: ColumnType<Date | null, never, Date>;
  };
  round_drawn_questions: {
    round_id: string;
    post_local_id: string;
    position: number;
    question_id: string;
    draw_id: number;
  };
  round_manual_orders: {
    round_id: string;
    id: ColumnType<string, never, never>;
    speaking_order: Json<string[]>;
    reason: string;
    set_at: Generated<Date>;
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
 * A date column (OID 1082) is a calendar day: read as its 'YYYY-MM-DD' text, not as a Date
 * at midnight in the server's zone, which would move it a day east or west of UTC.
 */
const DATE_OID = 1082;
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === DATE_OID && format !== "binary"
      ? (text: string) => text
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/**
 * One pool per node. A query waits at most `connectionTimeoutMillis` for a connection, so
 * a PostgreSQL that is down makes a records call fail in seconds instead of hanging a
 * handler; the live path never waits on it.
 */
export function connectDatabase(url: string, opts: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    types,
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

/** The constraint a failed query broke, if PostgreSQL names one. */
export function constraintOf(err: unknown): string | null {
  const name = (err as { constraint?: unknown } | null)?.constraint;
  return typeof name === "string" ? name : null;
}

/** The states the schema's own rules raise (migrations/). */
export const SQLSTATE = {
  unique: "23505",
  foreignKey: "23503",
  check: "23514",
  notNull: "23502",
  notDeletable: "JP001",
  badTransition: "JP002",
  frozen: "JP003",
  fixed: "JP004",
  appendOnly: "JP005",
  /** 0002: an application changed after its round's review closed. */
  reviewClosed: "JP006",
  /** 0002: the review closed while an application awaits its decision. */
  reviewUndecided: "JP007",
  /** 0002: a nomination for a post that is not in the round's latest announcement. */
  notAnnounced: "JP008",
  /** 0002: a reviewer deciding on their own or a declared relative's application. */
  reviewerAvoids: "JP009",
  /** 0003: a question of a sealed bank written, or a seal that is not its bank as it stands. */
  bankSealed: "JP020",
  /** 0003: a draw whose pool is not the sealed bank, or not the round's candidates. */
  drawPool: "JP021",
  /** 0003: a draw drawn twice, or drawn or replaced after it was replaced. */
  drawOnce: "JP022",
  /** 0003: drawn questions that are not their draw's result. */
  drawnAsRecorded: "JP023",
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
