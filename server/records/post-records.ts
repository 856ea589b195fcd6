import type { Kysely } from "kysely";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { constraintOf, type Database, type Db, SQLSTATE, sqlState } from "./db.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

/** What the organizer sets for a post of a round, beyond the round file's title and seats. */
export interface PostTerms {
  /** The post's id in the round file. */
  localId: string;
  /** The post's department for this round; null: the one the round file gives, if any. */
  department: string | null;
  /** 聘期, in years (two in the source document). */
  termYears: number;
  duties: string;
  /** The conditions as the announcement words them. */
  conditionsText: string;
  /** The conditions the qualification review checks. */
  conditions: PostConditions;
}

/** A post of a round as it would be (or was) published: the file's post with its terms. */
export interface AnnouncedPost extends PostTerms {
  code: string | null;
  title: string;
  seats: number;
}

export interface AnnouncementBody {
  title: string;
  posts: AnnouncedPost[];
}

/** One published version of a round's announcement (公告), never changed afterwards. */
export interface Announcement {
  roundId: string;
  version: number;
  publishedAt: string;
  /** The day the conditions are checked on (YYYY-MM-DD). */
  referenceDate: string;
  /** The last day to apply (YYYY-MM-DD). */
  applyUntil: string;
  body: AnnouncementBody;
}

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
  /** The round's posts with their terms as they stand; null when there is no such round. */
  posts(roundId: string): Promise<AnnouncedPost[] | null>;
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

const DEFAULT_TERM_YEARS = 2;

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

export function createPostRecords(db: Db): PostRecords {
  return {
    async savePosts(roundId, posts, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          // One save of a round's terms at a time, each replacing the whole list: two
          // interleaved would each insert beside the other's rows. Held to commit, so a
          // session starting meanwhile waits too.
          const round = await tx
            .selectFrom("rounds")
            .select("status")
            .where("id", "=", roundId)
            .forNoKeyUpdate()
            .executeTakeFirst();
          if (!round) return refused("round_not_found" as const);
          // The triggers refuse every row of a frozen round; an empty list touches none.
          if (round.status !== "draft") return refused("round_frozen" as const);
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
          if (posts.length > 0) {
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
          await insertAudit(tx, [audit]);
          return done(null);
        });
      } catch (err) {
        const code = savePostsError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async posts(roundId) {
      return (await readPosts(db, roundId))?.posts ?? null;
    },

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
