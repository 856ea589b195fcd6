import { type Kysely, sql, type Transaction } from "kysely";
import {
  type AnnouncedPost,
  type Announcement,
  type AnnouncementBody,
  DEFAULT_TERM_YEARS,
  type PostInput,
  type PostTerms,
} from "../../shared/protocol/posts.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";
import { applyPostList } from "../../shared/setup/post-list.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { constraintOf, type Database, type Db, SQLSTATE, sqlState } from "./db.ts";
import { linkParts } from "./round-records.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

export type { AnnouncedPost, Announcement, AnnouncementBody, PostTerms };

/**
 * Why saving terms was refused: no such round; its session has started (JP003); a post the
 * round does not have; a post listed twice; a value out of its range (term 1–10 years,
 * texts up to 2000 characters).
 */
export type SavePostsError =
  | "round_not_found"
  | "round_frozen"
  | "unknown_post"
  | "duplicate_post"
  | "invalid_terms";

export type PublishError = "round_not_found" | "round_frozen";

/**
 * Why saving a draft's post list was refused: no such round; its session has started; a
 * post named by an id the round does not have; a post removed that has applications (the
 * deferred round_applications_post key, at commit); a value out of the records' range.
 */
export type SavePostListError =
  | "round_not_found"
  | "round_frozen"
  | "post_not_found"
  | "post_has_applications"
  | "invalid_terms";

/** The round file the list would make is refused by the caller's check (its problem). */
export type PostListRefusal<P> = { ok: false; error: "invalid_round_file"; problem: P };

/**
 * The posts of a round before the session (migrations/0002_before_session.ts): their terms,
 * editable while the round is a draft, and the announcement, published in dated versions.
 */
export interface PostRecords {
  /**
   * Sets the terms of the round's posts, in the order given (the announcement's order). A
   * post left out gets the defaults again: two years, no duties, the file's conditions text.
   */
  savePosts(
    roundId: string,
    posts: PostTerms[],
    audit: AuditRecord,
  ): Promise<StoreResult<null, SavePostsError>>;
  /**
   * Replaces a draft's whole post list in one transaction: the round file's positions (the
   * config, re-linked to round_posts) and the terms, in the order given. Read and written
   * under the round's lock, so fifty saves at once leave one list whole. New posts get ids
   * here (applyPostList). `check` sees the round file the list would make and answers why
   * not, or null: then nothing is written.
   */
  savePostList<P>(
    roundId: string,
    posts: PostInput[],
    audit: AuditRecord,
    check?: (config: RoundConfig) => P | null,
  ): Promise<StoreResult<null, SavePostListError> | PostListRefusal<P>>;
  /** The round's posts with their terms as they stand; null when there is no such round. */
  posts(roundId: string): Promise<AnnouncedPost[] | null>;
  /** What a publication would print now (title and posts); null when there is no such round. */
  current(roundId: string): Promise<AnnouncementBody | null>;
  /** Publishes the posts as they stand as the next version (1, 2, …). */
  publish(
    roundId: string,
    dates: { referenceDate: string; applyUntil: string },
    audit: AuditRecord,
  ): Promise<StoreResult<Announcement, PublishError>>;
  /** Every version, oldest first. */
  announcements(roundId: string): Promise<Announcement[]>;
  latest(roundId: string): Promise<Announcement | null>;
}

/** The round's posts in the order of their terms, then the file's order for those without. */
export async function readPosts(q: Kysely<Database>, roundId: string) {
  const round = await q
    .selectFrom("rounds")
    .select(["title", "config"])
    .where("id", "=", roundId)
    .executeTakeFirst();
  if (!round) return null;
  const config = round.config as RoundConfig;
  const terms = await q
    .selectFrom("round_post_terms as t")
    .leftJoin("departments as d", "d.id", "t.department_id")
    .select([
      "t.local_id",
      "d.name as department",
      "t.term_years",
      "t.duties",
      "t.conditions_text",
      "t.conditions",
      "t.sort_order",
    ])
    .where("t.round_id", "=", roundId)
    .execute();
  const byId = new Map(terms.map((t) => [t.local_id, t]));
  const posts = config.positions.map(
    (p, fileOrder): AnnouncedPost & { order: [number, number] } => {
      const t = byId.get(p.id);
      return {
        localId: p.id,
        code: p.code ?? null,
        title: p.title,
        seats: p.seats,
        department: t?.department ?? p.department ?? null,
        termYears: t?.term_years ?? DEFAULT_TERM_YEARS,
        duties: t?.duties ?? "",
        conditionsText: t?.conditions_text ?? p.conditions ?? "",
        conditions: (t?.conditions ?? {}) as PostConditions,
        order: t ? [0, t.sort_order] : [1, fileOrder],
      };
    },
  );
  posts.sort((a, b) => a.order[0] - b.order[0] || a.order[1] - b.order[1]);
  return {
    title: round.title,
    posts: posts.map(({ order: _, ...post }) => post),
  };
}

type AnnouncementRow = {
  round_id: string;
  version: number;
  published_at: Date;
  reference_date: string;
  apply_until: string;
  body: unknown;
};

const toAnnouncement = (r: AnnouncementRow): Announcement => ({
  roundId: r.round_id,
  version: r.version,
  publishedAt: r.published_at.toISOString(),
  referenceDate: r.reference_date,
  applyUntil: r.apply_until,
  body: r.body as AnnouncementBody,
});

const announcementColumns = [
  "round_id",
  "version",
  "published_at",
  "reference_date",
  "apply_until",
  "body",
] as const;

function savePostsError(err: unknown): SavePostsError | null {
  const state = sqlState(err);
  if (state === SQLSTATE.frozen) return "round_frozen";
  // Raised by the round_post_exists trigger (the post is not one of the round's).
  if (state === SQLSTATE.foreignKey && constraintOf(err) === null) return "unknown_post";
  if (state === SQLSTATE.unique && constraintOf(err) === "round_post_terms_pkey") {
    return "duplicate_post";
  }
  if (state === SQLSTATE.check) return "invalid_terms";
  return null;
}

/** Holds the round's row to commit: one save of its posts at a time, and a start waits. */
const lockRound = (tx: Transaction<Database>, roundId: string) =>
  tx
    .selectFrom("rounds")
    .select(["status", "config"])
    .where("id", "=", roundId)
    .forNoKeyUpdate()
    .executeTakeFirst();

/** Replaces the round's terms by `posts`, in their order (sort_order 0, 1, …). */
async function writeTerms(tx: Transaction<Database>, roundId: string, posts: PostTerms[]) {
  const names = [...new Set(posts.flatMap((p) => p.department ?? []))].sort();
  const departments = new Map<string, string>();
  if (names.length > 0) {
    await tx
      .insertInto("departments")
      .values(names.map((name) => ({ name })))
      .onConflict((oc) => oc.column("name").doNothing())
      .execute();
    const rows = await tx
      .selectFrom("departments")
      .select(["id", "name"])
      .where("name", "in", names)
      .execute();
    for (const r of rows) departments.set(r.name, r.id);
  }
  await tx.deleteFrom("round_post_terms").where("round_id", "=", roundId).execute();
  if (posts.length === 0) return;
  await tx
    .insertInto("round_post_terms")
    .values(
      posts.map((p, sortOrder) => ({
        round_id: roundId,
        local_id: p.localId,
        department_id: p.department ? (departments.get(p.department) ?? null) : null,
        term_years: p.termYears,
        duties: p.duties,
        conditions_text: p.conditionsText,
        conditions: JSON.stringify(p.conditions),
        sort_order: sortOrder,
      })),
    )
    .execute();
}

/** Every post id a published version of the round names: never given to a new post. */
async function announcedIds(tx: Transaction<Database>, roundId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>`
    select distinct p ->> 'localId' as id
    from round_announcements a, jsonb_array_elements(a.body -> 'posts') p
    where a.round_id = ${roundId}`.execute(tx);
  return rows.rows.map((r) => r.id);
}

function savePostListError(err: unknown): SavePostListError | null {
  const state = sqlState(err);
  if (state === SQLSTATE.frozen) return "round_frozen";
  // Checked at commit: something still names a post the new list leaves out. A post that
  // applications, questions, a seal or a draw name is kept (0002, 0003).
  const naming = [
    "round_applications_post",
    "round_questions_post",
    "round_question_seals_post",
    "round_draws_question_post",
  ];
  if (state === SQLSTATE.foreignKey && naming.includes(constraintOf(err) ?? "")) {
    return "post_has_applications";
  }
  if (state === SQLSTATE.check) return "invalid_terms";
  return null;
}

export function createPostRecords(db: Db): PostRecords {
  return {
    async savePosts(roundId, posts, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          // One save of a round's terms at a time, each replacing the whole list: two
          // interleaved would each insert beside the other's rows. Held to commit, so a
          // session starting meanwhile waits too.
          const round = await lockRound(tx, roundId);
          if (!round) return refused("round_not_found" as const);
          // The triggers refuse every row of a frozen round; an empty list touches none.
          if (round.status !== "draft") return refused("round_frozen" as const);
          await writeTerms(tx, roundId, posts);
          await insertAudit(tx, [audit]);
          return done(null);
        });
      } catch (err) {
        const code = savePostsError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async savePostList(roundId, posts, audit, check) {
      try {
        return await db.transaction().execute(async (tx) => {
          const round = await lockRound(tx, roundId);
          if (!round) return refused("round_not_found" as const);
          if (round.status !== "draft") return refused("round_frozen" as const);
          const current = round.config as RoundConfig;
          const list = applyPostList(current.positions, posts, await announcedIds(tx, roundId));
          if (!list.ok) return refused(list.error);
          // The rest of the file (rules, candidates) is the one read under the lock.
          const config: RoundConfig = { ...current, positions: list.positions };
          const problem = check?.(config) ?? null;
          if (problem !== null)
            return { ok: false as const, error: "invalid_round_file" as const, problem };
          await tx
            .updateTable("rounds")
            .set({ config: JSON.stringify(config), updated_at: sql`now()` })
            .where("id", "=", roundId)
            .execute();
          await linkParts(tx, roundId, config);
          await writeTerms(tx, roundId, list.terms);
          await insertAudit(tx, [audit]);
          return done(null);
        });
      } catch (err) {
        const code = savePostListError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async posts(roundId) {
      return (await readPosts(db, roundId))?.posts ?? null;
    },

    current: (roundId) => readPosts(db, roundId),

    async publish(roundId, { referenceDate, applyUntil }, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const body = await readPosts(tx, roundId);
          if (!body) return refused("round_not_found" as const);
          // The version is the database's (the announcement_version trigger).
          const row = await tx
            .insertInto("round_announcements")
            .values({
              round_id: roundId,
              reference_date: referenceDate,
              apply_until: applyUntil,
              body: JSON.stringify(body),
            })
            .returning(announcementColumns)
            .executeTakeFirstOrThrow();
          await insertAudit(tx, [audit]);
          return done(toAnnouncement(row));
        });
      } catch (err) {
        const state = sqlState(err);
        if (state === SQLSTATE.frozen) return refused("round_frozen");
        // The round was deleted between the read and the insert.
        if (state === SQLSTATE.foreignKey) return refused("round_not_found");
        throw err;
      }
    },

    async announcements(roundId) {
      const rows = await db
        .selectFrom("round_announcements")
        .select(announcementColumns)
        .where("round_id", "=", roundId)
        .orderBy("version")
        .execute();
      return rows.map(toAnnouncement);
    },

    async latest(roundId) {
      const row = await db
        .selectFrom("round_announcements")
        .select(announcementColumns)
        .where("round_id", "=", roundId)
        .orderBy("version", "desc")
        .limit(1)
        .executeTakeFirst();
      return row ? toAnnouncement(row) : null;
    },
  };
}
