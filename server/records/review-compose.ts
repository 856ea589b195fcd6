import { type Kysely, sql } from "kysely";
import { compareCodePoints } from "../../shared/canonical-json.ts";
import { type Candidate, DraftRoundFile, type RoundConfig } from "../../shared/round-file.ts";
import { closeReviewError } from "./application-records.ts";
import type { CloseReviewError } from "./application-types.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import type { Database, Db } from "./db.ts";
import { linkParts } from "./round-records.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

/** A passed application with what the published list shows of its person. */
export interface PassedApplication {
  postLocalId: string;
  preference: 1 | 2;
  staffNo: string;
  name: string;
  department: string;
  currentPost: string;
}

export interface ClosedReview {
  outcome: "closed" | "already";
  /** The draft's candidates as the closing composed them (or as they stand, when already). */
  candidates: Candidate[];
}

/**
 * The draft's candidates from the passed applications (只有资格审查通过的才能参加竞聘): one per
 * person, in the canonical order of their staff numbers (code points, as everywhere in the
 * records), numbered C1, C2, …; each with their passed posts in preference order and their
 * current post as the unit shown under the name.
 */
export function composeCandidates(passed: readonly PassedApplication[]): Candidate[] {
  const people = new Map<string, PassedApplication[]>();
  for (const a of passed) people.set(a.staffNo, [...(people.get(a.staffNo) ?? []), a]);
  return [...people.keys()].sort(compareCodePoints).map((staffNo, i) => {
    const apps = (people.get(staffNo) ?? []).sort((a, b) => a.preference - b.preference);
    const first = apps[0] as PassedApplication;
    return {
      id: `C${i + 1}`,
      name: first.name,
      staffNo,
      ...(first.currentPost ? { unit: first.currentPost } : {}),
      applications: apps.map((a) => a.postLocalId),
    };
  });
}

/**
 * The closing of a round's qualification review, and its outcome. Closing fixes the names
 * of the competitors, so the draft's file gets them in the same transaction: the config is
 * what the start freezes, and it must never say other than the review decided.
 */
export interface ReviewCompose {
  close(roundId: string, audit: AuditRecord): Promise<StoreResult<ClosedReview, CloseReviewError>>;
  /** When the review closed and its passed applications; null while it is open (or no round). */
  outcome(roundId: string): Promise<{ closedAt: string; passed: PassedApplication[] } | null>;
}

export function createReviewCompose(db: Db): ReviewCompose {
  const passedOf = (q: Kysely<Database>, roundId: string) =>
    q
      .selectFrom("round_applications as a")
      .innerJoin("staff_register as r", "r.person_id", "a.person_id")
      .innerJoin("people as p", "p.id", "a.person_id")
      .innerJoin("departments as d", "d.id", "r.department_id")
      .select([
        "a.post_local_id",
        "a.preference",
        "r.staff_no",
        "p.name",
        "d.name as department",
        "r.current_post",
      ])
      .where("a.round_id", "=", roundId)
      .where("a.status", "=", "passed")
      .execute()
      .then((rows) =>
        rows.map(
          (r): PassedApplication => ({
            postLocalId: r.post_local_id,
            preference: r.preference as 1 | 2,
            staffNo: r.staff_no,
            name: r.name,
            department: r.department,
            currentPost: r.current_post,
          }),
        ),
      );

  return {
    async close(roundId, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          // The closing trigger holds the round's row from here to the commit: no change of
          // an application lands after the passed ones are read.
          const row = await tx
            .insertInto("round_reviews")
            .values({ round_id: roundId })
            .onConflict((oc) => oc.column("round_id").doNothing())
            .returning("round_id")
            .executeTakeFirst();
          const round = await tx
            .selectFrom("rounds")
            .select("config")
            .where("id", "=", roundId)
            .executeTakeFirstOrThrow();
          const config = round.config as RoundConfig;
          if (!row) return done({ outcome: "already" as const, candidates: config.candidates });
          const candidates = composeCandidates(await passedOf(tx, roundId));
          const { speakingOrder: _, ...rest } = config;
          // The speaking order named the old candidates; it is drawn again for these.
          const next = DraftRoundFile.parse({ ...rest, candidates });
          await tx
            .updateTable("rounds")
            .set({ config: JSON.stringify(next), updated_at: sql`now()` })
            .where("id", "=", roundId)
            .execute();
          await linkParts(tx, roundId, next);
          await insertAudit(tx, [audit]);
          return done({ outcome: "closed" as const, candidates });
        });
      } catch (err) {
        const code = closeReviewError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async outcome(roundId) {
      const review = await db
        .selectFrom("round_reviews")
        .select("closed_at")
        .where("round_id", "=", roundId)
        .executeTakeFirst();
      if (!review) return null;
      return { closedAt: review.closed_at.toISOString(), passed: await passedOf(db, roundId) };
    },
  };
}
