import { type RawBuilder, sql, type Transaction } from "kysely";
import type {
  ApplicationRecord,
  ApplicationRecords,
  ApplicationSource,
  ApplicationStatus,
  CloseReviewError,
  NominateError,
  Nomination,
  StepError,
} from "./application-types.ts";
import { SOURCES, STATUSES } from "./application-types.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { constraintOf, type Database, type Db, SQLSTATE, sqlState } from "./db.ts";
import { readPosts } from "./post-records.ts";
import { done, refused } from "./store-result.ts";

export type {
  AcceptError,
  ApplicationRecord,
  ApplicationRecords,
  ApplicationSource,
  ApplicationStatus,
  ApplyError,
  CloseReviewError,
  DecideError,
  Decision,
  NominateError,
  Nomination,
  PostApplications,
  WithdrawError,
} from "./application-types.ts";

/** The refusals any change of an application may meet, from its triggers. */
function stepError(state: string | null): StepError | null {
  if (state === SQLSTATE.frozen) return "round_frozen";
  if (state === SQLSTATE.reviewClosed) return "review_closed";
  if (state === SQLSTATE.badTransition) return "bad_transition";
  return null;
}

function nominateError(err: unknown): NominateError | null {
  const state = sqlState(err);
  const constraint = constraintOf(err);
  if (state === SQLSTATE.notAnnounced) return "not_announced";
  // The person's id comes from the register by staff number: none there leaves it null.
  if (state === SQLSTATE.notNull) return "person_not_found";
  if (state === SQLSTATE.foreignKey) {
    if (constraint === "round_applications_post") return "post_not_found";
    if (constraint === "round_applications_round_id_fkey") return "round_not_found";
  }
  if (state === SQLSTATE.unique && constraint === "round_applications_once") {
    return "already_nominated";
  }
  if (state === SQLSTATE.check) return "invalid_nomination";
  const step = stepError(state);
  return step === "bad_transition" ? null : step;
}

type Row = {
  id: string;
  round_id: string;
  post_local_id: string;
  staff_no: string;
  name: string;
  source: ApplicationSource;
  staff_count: number | null;
  preference: 1 | 2 | null;
  status: ApplicationStatus;
  reason: string | null;
  checks: unknown;
  decided_by: string | null;
  decided_at: Date | null;
  created_at: Date;
  accepted_at: Date | null;
  withdrawn_at: Date | null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toRecord = (r: Row): ApplicationRecord => ({
  id: r.id,
  roundId: r.round_id,
  postLocalId: r.post_local_id,
  staffNo: r.staff_no,
  name: r.name,
  source: r.source,
  staffCount: r.staff_count,
  preference: r.preference,
  status: r.status,
  reason: r.reason,
  checks: r.checks,
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  createdAt: r.created_at.toISOString(),
  acceptedAt: iso(r.accepted_at),
  withdrawnAt: iso(r.withdrawn_at),
});

/**
 * Tries of one acceptance. Two acceptances of one person at once may both pick the same free
 * place; the unique index lets one have it and fails the other once the first commits, so
 * the next try sees it taken. With two places, the third try finds none.
 */
const ACCEPT_TRIES = 4;

/**
 * An acceptance: the smallest place the person's live applications leave free, or 3 when
 * both are taken, which the preference check refuses: a third is the database's "no".
 */
const ACCEPTED = sql`status = 'applied', accepted_at = now(),
  preference = case when a.status = 'nominated' then coalesce((
    select min(free.p) from (values (1), (2)) as free (p)
    where not exists (
      select 1 from round_applications b
      where b.round_id = a.round_id and b.person_id = a.person_id
        and b.status <> 'withdrawn' and b.preference = free.p)
  ), 3) else a.preference end`;

/** A nomination's row; the person is found in the register by staff number. */
async function insertNomination(
  tx: Transaction<Database>,
  roundId: string,
  nomination: Nomination,
): Promise<string> {
  const row = await tx
    .insertInto("round_applications")
    .values({
      round_id: roundId,
      person_id: sql<string>`(select person_id from staff_register
                              where staff_no = ${nomination.staffNo})`,
      post_local_id: nomination.postLocalId,
      source: nomination.source,
      staff_count: nomination.source === "staff" ? nomination.staffCount : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An acceptance's refusal as the schema tells it, or "retry" for a lost race, or null. */
function acceptRefusal(err: unknown): "too_many_applications" | "retry" | null {
  const state = sqlState(err);
  const constraint = constraintOf(err);
  if (state === SQLSTATE.unique && constraint === "round_applications_two_places") return "retry";
  if (state === SQLSTATE.check && constraint === "round_applications_preference") {
    return "too_many_applications";
  }
  return null;
}

/** Why closing a review was refused, from what the schema said (both closings use it). */
export function closeReviewError(err: unknown): CloseReviewError | null {
  const state = sqlState(err);
  if (state === SQLSTATE.foreignKey) return "round_not_found";
  if (state === SQLSTATE.frozen) return "round_frozen";
  if (state === SQLSTATE.reviewUndecided) return "review_undecided";
  return null;
}

export function createApplicationRecords(db: Db): ApplicationRecords {
  const rows = () =>
    db
      .selectFrom("round_applications as a")
      .innerJoin("staff_register as r", "r.person_id", "a.person_id")
      .innerJoin("people as p", "p.id", "a.person_id")
      .select([
        "a.id",
        "a.round_id",
        "a.post_local_id",
        "r.staff_no",
        "p.name",
        "a.source",
        "a.staff_count",
        "a.preference",
        "a.status",
        "a.reason",
        "a.checks",
        "a.decided_by",
        "a.decided_at",
        "a.created_at",
        "a.accepted_at",
        "a.withdrawn_at",
      ]);

  /** One audited change of one application of the round; false when there is no such row. */
  const change = (
    roundId: string,
    applicationId: string,
    set: RawBuilder<unknown>,
    audit: AuditRecord,
  ) =>
    db.transaction().execute(async (tx) => {
      const res = await sql<{ preference: 1 | 2 | null }>`
        update round_applications a set ${set}
        where a.id = ${applicationId}::uuid and a.round_id = ${roundId}
        returning a.preference
      `.execute(tx);
      const row = res.rows[0];
      if (!row) return null;
      await insertAudit(tx, [audit]);
      return row;
    });

  /**
   * A nomination's refusal. The triggers run before the round's foreign key: a round that
   * is not there is told as not announced unless asked first.
   */
  async function nominateRefusal(roundId: string, err: unknown): Promise<NominateError | null> {
    if (sqlState(err) === SQLSTATE.notAnnounced) {
      const round = await db
        .selectFrom("rounds")
        .select("id")
        .where("id", "=", roundId)
        .executeTakeFirst();
      if (!round) return "round_not_found";
    }
    return nominateError(err);
  }

  const isUuid = (id: string) =>
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

  return {
    async nominate(roundId, nomination, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const id = await insertNomination(tx, roundId, nomination);
          await insertAudit(tx, [audit]);
          return done({ id });
        });
      } catch (err) {
        const code = await nominateRefusal(roundId, err);
        if (code) return refused(code);
        throw err;
      }
    },

    async apply(roundId, nomination, audit) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(async (tx) => {
            const id = await insertNomination(tx, roundId, nomination);
            const res = await sql<{ preference: 1 | 2 }>`
              update round_applications a set ${ACCEPTED} where a.id = ${id}::uuid
              returning a.preference
            `.execute(tx);
            await insertAudit(tx, [audit]);
            return done({ id, preference: res.rows[0]?.preference ?? 1 });
          });
        } catch (err) {
          const accept = acceptRefusal(err);
          if (accept === "retry" && attempt < ACCEPT_TRIES) continue;
          if (accept === "too_many_applications") return refused(accept);
          const code = await nominateRefusal(roundId, err);
          if (code) return refused(code);
          throw err;
        }
      }
    },

    async accept(roundId, applicationId, audit) {
      if (!isUuid(applicationId)) return refused("application_not_found");
      for (let attempt = 1; ; attempt++) {
        try {
          const row = await change(roundId, applicationId, ACCEPTED, audit);
          if (!row) return refused("application_not_found");
          return done({ preference: row.preference as 1 | 2 });
        } catch (err) {
          const accept = acceptRefusal(err);
          if (accept === "retry" && attempt < ACCEPT_TRIES) continue;
          if (accept === "too_many_applications") return refused(accept);
          const step = stepError(sqlState(err));
          if (step) return refused(step);
          throw err;
        }
      }
    },

    async withdraw(roundId, applicationId, audit) {
      if (!isUuid(applicationId)) return refused("application_not_found");
      try {
        const row = await change(
          roundId,
          applicationId,
          sql`status = 'withdrawn', withdrawn_at = now()`,
          audit,
        );
        return row ? done(null) : refused("application_not_found");
      } catch (err) {
        const step = stepError(sqlState(err));
        if (step) return refused(step);
        throw err;
      }
    },

    async decide(roundId, applicationId, decision, audit) {
      if (!isUuid(applicationId)) return refused("application_not_found");
      const status = decision.outcome === "pass" ? "passed" : "rejected";
      const reason = decision.reason ?? null;
      // No snapshot is SQL null, which the decided check refuses.
      const checks =
        decision.checks === undefined || decision.checks === null
          ? null
          : JSON.stringify(decision.checks);
      try {
        const row = await change(
          roundId,
          applicationId,
          sql`status = ${status}, reason = ${reason}, checks = ${checks}::jsonb,
            decided_by = ${decision.reviewer}, decided_at = now()`,
          audit,
        );
        return row ? done(null) : refused("application_not_found");
      } catch (err) {
        const state = sqlState(err);
        const constraint = constraintOf(err);
        if (state === SQLSTATE.check && constraint === "round_applications_reason") {
          return refused("reason_required");
        }
        if (state === SQLSTATE.foreignKey && constraint === "round_applications_decided_by_fkey") {
          return refused("unknown_reviewer");
        }
        if (state === SQLSTATE.check && constraint === "round_applications_decided") {
          return refused("checks_required");
        }
        if (state === SQLSTATE.reviewerAvoids) return refused("reviewer_avoidance");
        const step = stepError(state);
        if (step) return refused(step);
        throw err;
      }
    },

    async closeReview(roundId, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const row = await tx
            .insertInto("round_reviews")
            .values({ round_id: roundId })
            .onConflict((oc) => oc.column("round_id").doNothing())
            .returning("round_id")
            .executeTakeFirst();
          if (!row) return done("already" as const);
          await insertAudit(tx, [audit]);
          return done("closed" as const);
        });
      } catch (err) {
        const code = closeReviewError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async reviewClosed(roundId) {
      const row = await db
        .selectFrom("round_reviews")
        .select("round_id")
        .where("round_id", "=", roundId)
        .executeTakeFirst();
      return row !== undefined;
    },

    async list(roundId) {
      const posts = await readPosts(db, roundId);
      if (!posts) return null;
      const all = await rows()
        .where("a.round_id", "=", roundId)
        .orderBy("a.created_at")
        .orderBy("a.id")
        .execute();
      return posts.posts.map(({ localId }) => {
        const applications = all.filter((r) => r.post_local_id === localId).map(toRecord);
        const counts = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<
          ApplicationStatus,
          number
        >;
        const sources = Object.fromEntries(SOURCES.map((s) => [s, 0])) as Record<
          ApplicationSource,
          number
        >;
        let staffRecommendations = 0;
        for (const a of applications) {
          counts[a.status]++;
          sources[a.source]++;
          staffRecommendations += a.staffCount ?? 0;
        }
        return { localId, applications, counts, sources, staffRecommendations };
      });
    },

    async ofPerson(staffNo) {
      const found = await rows()
        .where("r.staff_no", "=", staffNo)
        .orderBy("a.created_at")
        .orderBy("a.id")
        .execute();
      return found.map(toRecord);
    },
  };
}
