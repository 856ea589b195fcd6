import { sql, type Transaction } from "kysely";
import { canonicalJson, compareCodePoints } from "../../shared/canonical-json.ts";
import type { Progress, SessionState } from "../../shared/protocol/index.ts";
import type { RoundExport, TieDecision } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { EvaluationBallot, SpeechBallot } from "../../shared/scoring/types.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { type Database, type Db, SQLSTATE, sqlState } from "./db.ts";

export type RoundKind = "formal" | "rehearsal";
export type RoundStatus = "draft" | "session" | "locked";

/** A round as the records hold it (the list leaves the configuration out). */
export interface RoundRecord {
  id: string;
  title: string;
  kind: RoundKind;
  status: RoundStatus;
  configSha256: string | null;
  createdAt: string;
  startedAt: string | null;
  lockedAt: string | null;
  archivedAt: string | null;
  digest: string | null;
}

/** The rules a session runs on, fixed when it started, with their SHA-256. */
export interface FrozenRound {
  config: RoundConfig;
  sha256: string;
}

/** The session as the lock left it: what the screens of a locked round start from. */
export interface FinalState {
  state: Omit<SessionState, "serverNow">;
  progress: Progress;
}

/** What a lock lands in one transaction (lock-service.ts). */
export interface LandedRound {
  file: RoundExport;
  /** The export's canonical JSON, exactly as its digest was taken. */
  body: string;
  ballots: SpeechBallot[];
  evaluations: EvaluationBallot[];
  decisions: TieDecision[];
  finalState: FinalState;
}

/** What the projector shows of a landed round. */
export interface Display {
  screen: "welcome" | "result" | "evaluation" | "ranking" | "locked";
  shownCandidateId: string | null;
  revealed: string[];
  version: number;
}

export type DisplayChange =
  | { screen: "welcome" | "evaluation" | "ranking" | "locked" }
  | { reveal: string };

export interface Archived {
  file: RoundExport;
  body: string;
  finalState: FinalState;
}

/** The SHA-256 of a round's rules: over their canonical JSON, as the export's digest is. */
export const configSha256 = (config: RoundConfig): string => sha256Hex(canonicalJson(config));

/**
 * Rounds and their life cycle in PostgreSQL: a draft is created by an import and may be
 * replaced; starting the session freezes it; the lock lands its ballots and export; a
 * locked round may be archived (hidden), a draft or rehearsal round deleted. The schema
 * refuses every step out of order (migrations/0001_records.ts), so two nodes racing each
 * other cannot both win, whatever they checked first.
 */
export interface RoundRecords {
  createDraft(
    round: { id: string; kind: RoundKind; config: RoundConfig },
    audit: AuditRecord,
  ): Promise<"ok" | "exists">;
  replaceDraft(
    id: string,
    config: RoundConfig,
    audit: AuditRecord,
  ): Promise<"ok" | "round_not_found" | "round_frozen" | "review_closed">;
  /**
   * Takes in a round kept by a version before the records (upgrade.ts): in session, its
   * rules frozen as it was imported then, started when it was created. "already" when the
   * records hold it, "conflict" when they hold another round under its id.
   */
  adopt(
    round: { id: string; config: RoundConfig; createdAt: Date },
    audit: AuditRecord,
  ): Promise<"ok" | "already" | "conflict">;
  /**
   * Changes a draft's rules (not its posts or candidates, whose rows stay linked as they
   * are) from the config as it stands under the round's lock, so an editor of another part
   * saving at the same moment is neither lost nor overwritten. `revise` returns the new
   * config, or why not (nothing changes then).
   */
  reviseRules<P>(
    id: string,
    revise: (config: RoundConfig) => { config: RoundConfig } | { problem: P },
    audit: AuditRecord,
  ): Promise<
    | { code: "ok"; config: RoundConfig }
    | { code: "refused"; problem: P }
    | "round_not_found"
    | "round_frozen"
  >;
  /**
   * Freezes the draft; a round already started answers with its frozen rules. `complete`
   * checks the draft, read under the same lock as the freeze, is a whole round file (a
   * draft built in the console may still lack posts or candidates): what it returns other
   * than null is why not, and nothing is frozen.
   */
  start<P>(
    id: string,
    audit: AuditRecord,
    complete?: (config: RoundConfig) => P | null,
  ): Promise<
    | { code: "ok" | "already"; round: FrozenRound }
    | { code: "incomplete"; problem: P }
    | "round_not_found"
  >;
  get(id: string): Promise<RoundRecord | null>;
  /** A draft's file as it stands (to export or correct); null when there is no such round. */
  draftConfig(id: string): Promise<RoundConfig | null>;
  /** The frozen rules of a started round (cached: they never change); null for a draft. */
  frozen(id: string): Promise<FrozenRound | null>;
  /** Every round not archived (or only the archived ones), newest first: one query. */
  list(opts?: { archived?: boolean }): Promise<RoundRecord[]>;
  /** Ids of the rounds in session (started, not yet landed). */
  inSession(): Promise<string[]>;
  /** Ids of the rounds whose lock has landed (archived ones included). */
  landedIds(): Promise<string[]>;
  remove(id: string, audit: AuditRecord): Promise<"ok" | "round_not_found" | "round_not_deletable">;
  archive(id: string, audit: AuditRecord): Promise<"ok" | "round_not_found" | "bad_state">;
  /** Lands a lock; landing the same export again is a no-op ("already"). */
  land(id: string, landed: LandedRound): Promise<"ok" | "already">;
  /** The landed export and final state of a locked round (cached), or null. */
  archived(id: string): Promise<Archived | null>;
  /** What the projector shows of a landed round, or null. */
  display(id: string): Promise<Display | null>;
  /** Switches a landed round's projector view, or shows a final result; null if not landed. */
  changeDisplay(id: string, change: DisplayChange, audit?: AuditRecord): Promise<Display | null>;
}

type DisplayRow = Pick<Database["round_displays"], "screen" | "shown_candidate" | "version"> & {
  revealed: string[];
};

const toDisplay = (r: DisplayRow): Display => ({
  screen: r.screen,
  shownCandidateId: r.shown_candidate,
  revealed: r.revealed,
  version: r.version,
});

type RoundRow = Pick<
  Database["rounds"],
  "id" | "title" | "config_sha256" | "started_at" | "locked_at" | "archived_at" | "digest"
> & { kind: RoundKind; status: RoundStatus; created_at: Date };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toRecord(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    title: r.title,
    kind: r.kind,
    status: r.status,
    configSha256: r.config_sha256,
    createdAt: r.created_at.toISOString(),
    startedAt: iso(r.started_at),
    lockedAt: iso(r.locked_at),
    archivedAt: iso(r.archived_at),
    digest: r.digest,
  };
}

const listed = [
  "id",
  "title",
  "kind",
  "status",
  "config_sha256",
  "created_at",
  "started_at",
  "locked_at",
  "archived_at",
  "digest",
] as const;

/** The identity a post or person is known by in the records (round-file.ts checks it). */
const postKey = (p: RoundConfig["positions"][number]) =>
  p.code ? `code:${p.code}` : `title:${JSON.stringify([p.department ?? null, p.title])}`;
const personKey = (c: RoundConfig["candidates"][number]) =>
  c.staffNo ? `no:${c.staffNo}` : `name:${JSON.stringify([c.name, c.unit ?? ""])}`;

/** Sorted by the key: see linkParts. */
const byKey = <T>(items: T[], key: (item: T) => string) =>
  items.map((item) => ({ item, key: key(item) })).sort((a, b) => (a.key < b.key ? -1 : 1));

/**
 * The department, post and person rows a round file names, created when new. They are
 * created in one order for every transaction (departments, posts, people, each sorted by
 * its identity): two imports creating the same new rows then wait on each other at most
 * once, where file order would let one hold A and wait for B while the other holds B and
 * waits for A, a deadlock PostgreSQL ends by failing one of them.
 */
export async function linkParts(tx: Transaction<Database>, roundId: string, config: RoundConfig) {
  await tx.deleteFrom("round_posts").where("round_id", "=", roundId).execute();
  await tx.deleteFrom("round_candidates").where("round_id", "=", roundId).execute();
  const departments = new Map<string, string>();
  const names = [...new Set(config.positions.flatMap((p) => p.department ?? []))].sort();
  for (const name of names) {
    const id = await findOrCreate(
      () => tx.selectFrom("departments").select("id").where("name", "=", name),
      () =>
        tx
          .insertInto("departments")
          .values({ name })
          .onConflict((oc) => oc.column("name").doNothing()),
    );
    departments.set(name, id);
  }
  const posts: { round_id: string; local_id: string; post_id: string; seats: number }[] = [];
  for (const { item: p } of byKey(config.positions, postKey)) {
    const departmentId = p.department ? (departments.get(p.department) ?? null) : null;
    const post = p.code
      ? await findOrCreate(
          () =>
            tx
              .selectFrom("posts")
              .select("id")
              .where("code", "=", p.code as string),
          () =>
            tx
              .insertInto("posts")
              .values({ code: p.code as string, department_id: departmentId, title: p.title })
              .onConflict((oc) => oc.column("code").doNothing()),
        )
      : await findOrCreate(
          () =>
            tx
              .selectFrom("posts")
              .select("id")
              .where("code", "is", null)
              .where("title", "=", p.title)
              .where("department_id", departmentId === null ? "is" : "=", departmentId as string),
          () =>
            tx
              .insertInto("posts")
              .values({ code: null, department_id: departmentId, title: p.title })
              .onConflict((oc) =>
                oc.columns(["department_id", "title"]).where("code", "is", null).doNothing(),
              ),
        );
    posts.push({ round_id: roundId, local_id: p.id, post_id: post, seats: p.seats });
  }
  const candidates: { round_id: string; local_id: string; person_id: string }[] = [];
  for (const { item: c } of byKey(config.candidates, personKey)) {
    const unit = c.unit ?? "";
    const person = c.staffNo
      ? await findOrCreate(
          () =>
            tx
              .selectFrom("people")
              .select("id")
              .where("staff_no", "=", c.staffNo as string),
          () =>
            tx
              .insertInto("people")
              .values({ staff_no: c.staffNo as string, name: c.name, unit })
              .onConflict((oc) => oc.column("staff_no").doNothing()),
        )
      : await findOrCreate(
          () =>
            tx
              .selectFrom("people")
              .select("id")
              .where("staff_no", "is", null)
              .where("name", "=", c.name)
              .where("unit", "=", unit),
          () =>
            tx
              .insertInto("people")
              .values({ staff_no: null, name: c.name, unit })
              .onConflict((oc) =>
                oc.columns(["name", "unit"]).where("staff_no", "is", null).doNothing(),
              ),
        );
    candidates.push({ round_id: roundId, local_id: c.id, person_id: person });
  }
  // A draft built in the console may have neither yet (DraftRoundFile).
  if (posts.length > 0) await tx.insertInto("round_posts").values(posts).execute();
  if (candidates.length > 0) await tx.insertInto("round_candidates").values(candidates).execute();
}

/**
 * Insert-if-absent then read: under concurrent imports the unique index decides which
 * insert lands, and the loser's read finds the winner's row.
 */
async function findOrCreate(
  find: () => { executeTakeFirst(): Promise<{ id: string } | undefined> },
  insert: () => { execute(): Promise<unknown> },
): Promise<string> {
  const found = await find().executeTakeFirst();
  if (found) return found.id;
  await insert().execute();
  const made = await find().executeTakeFirst();
  if (!made) throw new Error("a record created a moment ago cannot be read");
  return made.id;
}

export function createRoundRecords(db: Db): RoundRecords {
  const frozenCache = new Map<string, FrozenRound>();
  const archivedCache = new Map<string, Archived>();

  return {
    async createDraft({ id, kind, config }, audit) {
      return db.transaction().execute(async (tx) => {
        // The primary key decides: a retried creation (round:create's request id names the
        // round) finds the round made the first time and changes nothing.
        const inserted = await tx
          .insertInto("rounds")
          .values({ id, title: config.title, kind, config: JSON.stringify(config) })
          .onConflict((oc) => oc.column("id").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (!inserted) return "exists" as const;
        await linkParts(tx, id, config);
        await insertAudit(tx, [audit]);
        return "ok" as const;
      });
    },

    async adopt({ id, config, createdAt }, audit) {
      return db.transaction().execute(async (tx) => {
        // The primary key decides between nodes adopting the same round at once.
        const inserted = await tx
          .insertInto("rounds")
          .values({
            id,
            title: config.title,
            kind: "formal",
            config: JSON.stringify(config),
            created_at: createdAt,
            updated_at: createdAt,
          })
          .onConflict((oc) => oc.column("id").doNothing())
          .returning("id")
          .executeTakeFirst();
        if (!inserted) {
          const held = await tx
            .selectFrom("rounds")
            .select("config")
            .where("id", "=", id)
            .executeTakeFirstOrThrow();
          const same = configSha256(held.config as RoundConfig) === configSha256(config);
          return same ? ("already" as const) : ("conflict" as const);
        }
        // Linked as a draft (a frozen round's parts never change), then started at once.
        await linkParts(tx, id, config);
        await tx
          .updateTable("rounds")
          .set({ status: "session", config_sha256: configSha256(config), started_at: createdAt })
          .where("id", "=", id)
          .execute();
        await insertAudit(tx, [audit]);
        return "ok" as const;
      });
    },

    async replaceDraft(id, config, audit) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("rounds")
          .select("status")
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return "round_not_found" as const;
        if (row.status !== "draft") return "round_frozen" as const;
        // A closed review wrote the draft's candidates (review-compose.ts): a file imported
        // over it would replace who competes, which only the review decides.
        const reviewed = await tx
          .selectFrom("round_reviews")
          .select("round_id")
          .where("round_id", "=", id)
          .executeTakeFirst();
        if (reviewed) return "review_closed" as const;
        await tx
          .updateTable("rounds")
          .set({ title: config.title, config: JSON.stringify(config), updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await linkParts(tx, id, config);
        await insertAudit(tx, [audit]);
        return "ok" as const;
      });
    },

    async reviseRules(id, revise, audit) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("rounds")
          .select(["status", "config"])
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return "round_not_found" as const;
        if (row.status !== "draft") return "round_frozen" as const;
        const revised = revise(row.config as RoundConfig);
        if ("problem" in revised) return { code: "refused" as const, problem: revised.problem };
        const { config } = revised;
        await tx
          .updateTable("rounds")
          .set({ title: config.title, config: JSON.stringify(config), updated_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await insertAudit(tx, [audit]);
        return { code: "ok" as const, config };
      });
    },

    async start(id, audit, complete) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("rounds")
          .select(["status", "config", "config_sha256"])
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return "round_not_found" as const;
        const config = row.config as RoundConfig;
        if (row.status !== "draft") {
          return { code: "already" as const, round: { config, sha256: row.config_sha256 ?? "" } };
        }
        const problem = complete?.(config) ?? null;
        if (problem !== null) return { code: "incomplete" as const, problem };
        const sha256 = configSha256(config);
        await tx
          .updateTable("rounds")
          .set({ status: "session", config_sha256: sha256, started_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await insertAudit(tx, [audit]);
        return { code: "ok" as const, round: { config, sha256 } };
      });
    },

    async get(id) {
      const row = await db
        .selectFrom("rounds")
        .select(listed)
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? toRecord(row) : null;
    },

    async draftConfig(id) {
      const row = await db
        .selectFrom("rounds")
        .select("config")
        .where("id", "=", id)
        .executeTakeFirst();
      return row ? (row.config as RoundConfig) : null;
    },

    async frozen(id) {
      const cached = frozenCache.get(id);
      if (cached) return cached;
      const row = await db
        .selectFrom("rounds")
        .select(["config", "config_sha256", "status"])
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row || row.status === "draft" || !row.config_sha256) return null;
      const round = { config: row.config as RoundConfig, sha256: row.config_sha256 };
      // The rules must be the ones fixed at the start: a changed row is not served.
      if (configSha256(round.config) !== round.sha256) {
        throw new Error(`the stored rules of round ${id} do not match their SHA-256`);
      }
      frozenCache.set(id, round);
      return round;
    },

    async list(opts = {}) {
      const rows = await db
        .selectFrom("rounds")
        .select(listed)
        .where("archived_at", opts.archived ? "is not" : "is", null)
        .orderBy("created_at", "desc")
        .orderBy("id")
        .execute();
      return rows.map(toRecord);
    },

    async inSession() {
      const rows = await db
        .selectFrom("rounds")
        .select("id")
        .where("status", "=", "session")
        .execute();
      return rows.map((r) => r.id);
    },

    async landedIds() {
      const rows = await db
        .selectFrom("rounds")
        .select("id")
        .where("status", "=", "locked")
        .execute();
      return rows.map((r) => r.id);
    },

    async remove(id, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const gone = await tx.deleteFrom("rounds").where("id", "=", id).executeTakeFirst();
          if (gone.numDeletedRows === 0n) return "round_not_found" as const;
          await insertAudit(tx, [audit]);
          return "ok" as const;
        });
      } catch (err) {
        if (sqlState(err) === SQLSTATE.notDeletable) return "round_not_deletable";
        throw err;
      }
    },

    async archive(id, audit) {
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("rounds")
          .select(["status", "archived_at"])
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) return "round_not_found" as const;
        if (row.status !== "locked") return "bad_state" as const;
        if (row.archived_at) return "ok" as const;
        await tx
          .updateTable("rounds")
          .set({ archived_at: sql`now()` })
          .where("id", "=", id)
          .execute();
        await insertAudit(tx, [audit]);
        return "ok" as const;
      });
    },

    async land(id, landed) {
      const { file, body } = landed;
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom("rounds")
          .select(["status", "digest"])
          .where("id", "=", id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw new Error(`round ${id} is not in the records`);
        if (row.status === "locked") {
          if (row.digest !== file.digest) throw new Error(`round ${id} landed another export`);
          return "already" as const;
        }
        await tx
          .updateTable("rounds")
          .set({
            status: "locked",
            locked_at: new Date(file.round.lockedAt),
            digest: file.digest,
            final_state: JSON.stringify(landed.finalState),
          })
          .where("id", "=", id)
          .execute();
        // In the canonical order of their text: nothing stored shows the order of submission.
        const rows = <T>(list: T[], column: string) =>
          list
            .map((item) => canonicalJson(item))
            .sort(compareCodePoints)
            .map((text, ordinal) => ({ round_id: id, ordinal, [column]: text }));
        // In chunks: a large round has tens of thousands of ballots (bind parameters ≤ 65535).
        const chunks = <T>(list: T[]) =>
          Array.from({ length: Math.ceil(list.length / 5000) }, (_, i) =>
            list.slice(i * 5000, i * 5000 + 5000),
          );
        for (const part of chunks(rows(landed.ballots, "ballot"))) {
          await tx
            .insertInto("round_ballots")
            .values(part as never)
            .execute();
        }
        for (const part of chunks(rows(landed.evaluations, "evaluation"))) {
          await tx
            .insertInto("round_evaluations")
            .values(part as never)
            .execute();
        }
        if (landed.decisions.length > 0) {
          await tx
            .insertInto("round_decisions")
            // Decisions keep their order: a later one is settled after an earlier one.
            .values(
              landed.decisions.map((d, ordinal) => ({
                round_id: id,
                ordinal,
                decision: JSON.stringify(d),
              })),
            )
            .execute();
        }
        await tx
          .insertInto("round_exports")
          .values({ round_id: id, format: file.format, body, digest: file.digest })
          .execute();
        const { state } = landed.finalState;
        await tx
          .insertInto("round_displays")
          .values({
            round_id: id,
            // No live speaker (nor their question) after the lock: the lock page instead.
            screen:
              state.screen === "candidate" || state.screen === "question" ? "locked" : state.screen,
            shown_candidate: state.shownCandidateId,
            revealed: JSON.stringify(state.revealed),
            version: state.version,
          })
          .execute();
        return "ok" as const;
      });
    },

    async archived(id) {
      const cached = archivedCache.get(id);
      if (cached) return cached;
      const row = await db
        .selectFrom("round_exports")
        .innerJoin("rounds", "rounds.id", "round_exports.round_id")
        .select(["round_exports.body", "rounds.final_state"])
        .where("round_exports.round_id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      const archived: Archived = {
        file: JSON.parse(row.body) as RoundExport,
        body: row.body,
        finalState: row.final_state as FinalState,
      };
      archivedCache.set(id, archived);
      return archived;
    },

    async display(id) {
      const row = await db
        .selectFrom("round_displays")
        .select(["screen", "shown_candidate", "revealed", "version"])
        .where("round_id", "=", id)
        .executeTakeFirst();
      return row ? toDisplay(row) : null;
    },

    async changeDisplay(id, change, audit) {
      return db.transaction().execute(async (tx) => {
        const set =
          "reveal" in change
            ? {
                screen: "result" as const,
                shown_candidate: change.reveal,
                // The candidate joins the revealed list once.
                revealed: sql<string>`case when revealed ? ${change.reveal} then revealed
                  else revealed || jsonb_build_array(${change.reveal}::text) end`,
              }
            : { screen: change.screen };
        const row = await tx
          .updateTable("round_displays")
          .set({ ...set, version: sql`version + 1` })
          .where("round_id", "=", id)
          .returning(["screen", "shown_candidate", "revealed", "version"])
          .executeTakeFirst();
        if (!row) return null;
        if (audit) await insertAudit(tx, [audit]);
        return toDisplay(row);
      });
    },
  };
}
