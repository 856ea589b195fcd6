import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ApplicationRecords,
  createApplicationRecords,
  type Decision,
  type Nomination,
} from "../../server/records/application-records.ts";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import { createPostRecords, type PostRecords } from "../../server/records/post-records.ts";
import {
  createRegisterRecords,
  type RegisterRecords,
} from "../../server/records/register-records.ts";
import { createRoundRecords, type RoundRecords } from "../../server/records/round-records.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { Relationship } from "../../shared/setup/person.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, roundConfig, unique } from "../utils/records-fixtures.ts";
import { auditFor, registerPerson } from "../utils/register-fixtures.ts";

// The conformance suite of server/records/application-records.ts against the real
// PostgreSQL: nominations, applications and their review. Every refusal asserted is the
// schema's (a constraint or trigger), mapped to the store's code.

let db: Db;
let rounds: RoundRecords;
let posts: PostRecords;
let register: RegisterRecords;
let apps: ApplicationRecords;
let trail: AuditRecords;
beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  rounds = createRoundRecords(db);
  posts = createPostRecords(db);
  register = createRegisterRecords(db);
  apps = createApplicationRecords(db);
  trail = createAuditRecords(db);
});
afterAll(() => db.destroy());

const dates = { referenceDate: "2026-06-30", applyUntil: "2026-06-15" };

function config(postCount: number): RoundConfig {
  return roundConfig({
    positions: Array.from({ length: postCount }, (_, i) => ({
      id: `P${i + 1}`,
      title: unique("岗位"),
      seats: 1,
    })),
    candidates: [{ id: "C1", name: unique("候选人"), applications: ["P1"] }],
  });
}

/** A draft round with its posts published. */
async function announced(postCount = 3) {
  const id = unique("r");
  const file = config(postCount);
  await rounds.createDraft({ id, kind: "formal", config: file }, auditOf(id));
  const res = await posts.publish(id, dates, auditFor(id, "posts:publish"));
  if (!res.ok) throw new Error(res.error);
  return { id, config: file };
}

/** New people in the register; their staff numbers. */
async function staff(n: number, relationships: (nos: string[]) => Relationship[] = () => []) {
  const people = Array.from({ length: n }, () => registerPerson());
  const nos = people.map((p) => p.staffNo);
  const res = await register.importRegister(
    people,
    relationships(nos),
    sha256Hex(unique("f")),
    auditFor(null, "register:import"),
  );
  if (!res.ok) throw new Error(res.error);
  return nos;
}

const self = (staffNo: string, postLocalId: string): Nomination => ({
  staffNo,
  postLocalId,
  source: "self",
});

async function nominated(roundId: string, nomination: Nomination) {
  const res = await apps.nominate(roundId, nomination, auditFor(roundId, "application:nominate"));
  if (!res.ok) throw new Error(`nomination refused: ${res.error}`);
  return res.data.id;
}

async function applied(roundId: string, staffNo: string, postLocalId: string) {
  const id = await nominated(roundId, self(staffNo, postLocalId));
  const res = await accept(roundId, id);
  if (!res.ok) throw new Error(`acceptance refused: ${res.error}`);
  return id;
}

const accept = (roundId: string, id: string) =>
  apps.accept(roundId, id, auditFor(roundId, "application:accept"));
const withdraw = (roundId: string, id: string) =>
  apps.withdraw(roundId, id, auditFor(roundId, "application:withdraw"));
const decide = (roundId: string, id: string, decision: Decision) =>
  apps.decide(roundId, id, decision, auditFor(roundId, "application:decide"));
const closeReview = (roundId: string) =>
  apps.closeReview(roundId, auditFor(roundId, "review:close"));

const checks = { minWorkYears: { pass: true, value: 12 } };
const pass = (reviewer: string): Decision => ({ outcome: "pass", reviewer, checks });
const reject = (reviewer: string, reason = "学历不符合岗位条件"): Decision => ({
  outcome: "reject",
  reviewer,
  checks,
  reason,
});

async function application(roundId: string, id: string) {
  const list = (await apps.list(roundId)) ?? [];
  const found = list.flatMap((p) => p.applications).find((a) => a.id === id);
  if (!found) throw new Error(`no application ${id}`);
  return found;
}

const refusedWith = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

describe("application records: nominations", () => {
  it("takes nominations from the three sources and lists them per post with counts", async () => {
    const { id } = await announced();
    const [a, b, c] = await staff(3);
    const selfId = await nominated(id, self(a as string, "P1"));
    await nominated(id, {
      staffNo: b as string,
      postLocalId: "P1",
      source: "staff",
      staffCount: 12,
    });
    await nominated(id, { staffNo: c as string, postLocalId: "P1", source: "party" });
    await nominated(id, {
      staffNo: c as string,
      postLocalId: "P2",
      source: "staff",
      staffCount: 3,
    });
    const list = await apps.list(id);
    expect(list?.map((p) => p.localId)).toEqual(["P1", "P2", "P3"]);
    expect(list?.[0]).toMatchObject({
      counts: { nominated: 3, applied: 0, withdrawn: 0, passed: 0, rejected: 0 },
      sources: { self: 1, staff: 1, party: 1 },
      staffRecommendations: 12,
    });
    expect(list?.[1]).toMatchObject({
      sources: { self: 0, staff: 1, party: 0 },
      staffRecommendations: 3,
    });
    expect(list?.[2]?.applications).toEqual([]);
    expect(await application(id, selfId)).toMatchObject({
      staffNo: a,
      source: "self",
      staffCount: null,
      status: "nominated",
      preference: null,
      decidedBy: null,
    });
    expect(await apps.list(unique("r"))).toBeNull();
  });

  it("refuses a person not in the register, a post not announced, a second nomination", async () => {
    const { id, config: file } = await announced();
    const [a] = (await staff(1)) as [string];
    const nominate = (n: Nomination) => apps.nominate(id, n, auditFor(id, "application:nominate"));
    expect(await nominate(self(unique("S"), "P1"))).toEqual({
      ok: false,
      error: "person_not_found",
    });
    expect(await nominate(self(a, "P9"))).toEqual({ ok: false, error: "not_announced" });
    await nominated(id, self(a, "P1"));
    expect(await nominate({ staffNo: a, postLocalId: "P1", source: "party" })).toEqual({
      ok: false,
      error: "already_nominated",
    });
    expect(
      await nominate({ staffNo: a, postLocalId: "P2", source: "staff", staffCount: 0 }),
    ).toEqual({ ok: false, error: "invalid_nomination" });
    expect(await apps.nominate(unique("r"), self(a, "P1"), auditFor(null, "x"))).toEqual({
      ok: false,
      error: "round_not_found",
    });

    // A post added to the draft takes nominations once an announcement includes it.
    const withP4 = roundConfig({
      positions: [...file.positions, { id: "P4", title: unique("新岗位"), seats: 1 }],
      candidates: file.candidates,
    });
    expect(await rounds.replaceDraft(id, withP4, auditOf(id))).toBe("ok");
    expect(await nominate(self(a, "P4"))).toEqual({ ok: false, error: "not_announced" });
    await posts.publish(id, dates, auditFor(id, "posts:publish"));
    expect((await nominate(self(a, "P4"))).ok).toBe(true);

    // Before any announcement, nothing.
    const bare = unique("r");
    await rounds.createDraft({ id: bare, kind: "formal", config: config(1) }, auditOf(bare));
    expect(await apps.nominate(bare, self(a, "P1"), auditFor(bare, "x"))).toEqual({
      ok: false,
      error: "not_announced",
    });
  });

  it("a nomination is never inserted past its first step, nor deleted", async () => {
    const { id } = await announced();
    const [a] = (await staff(1)) as [string];
    const person = await register.person(a);
    await refusedWith(
      sql`insert into round_applications (round_id, person_id, post_local_id, source, status)
          values (${id}, ${person?.personId}, 'P1', 'self', 'applied')`.execute(db),
      "JP002",
    );
    const appId = await nominated(id, self(a, "P1"));
    await refusedWith(sql`delete from round_applications where id = ${appId}`.execute(db), "JP004");
    await refusedWith(
      sql`update round_applications set source = 'party' where id = ${appId}`.execute(db),
      "JP004",
    );
    await refusedWith(
      sql`update round_applications set post_local_id = 'P2' where id = ${appId}`.execute(db),
      "JP004",
    );
  });
});

describe("application records: two places per person", () => {
  it("acceptance takes places 1 and 2; a third is refused; a withdrawal frees its place", async () => {
    const { id } = await announced(4);
    const [a] = (await staff(1)) as [string];
    const ids = [];
    for (const post of ["P1", "P2", "P3", "P4"]) ids.push(await nominated(id, self(a, post)));
    const [n1, n2, n3, n4] = ids as [string, string, string, string];
    expect(await accept(id, n1)).toEqual({ ok: true, data: { preference: 1 } });
    expect(await accept(id, n2)).toEqual({ ok: true, data: { preference: 2 } });
    expect(await accept(id, n3)).toEqual({ ok: false, error: "too_many_applications" });
    expect((await application(id, n3)).status).toBe("nominated");
    // The first choice withdrawn: the next acceptance becomes the first choice.
    expect(await withdraw(id, n1)).toEqual({ ok: true, data: null });
    expect(await accept(id, n3)).toEqual({ ok: true, data: { preference: 1 } });
    expect(await accept(id, n4)).toEqual({ ok: false, error: "too_many_applications" });
    expect(await application(id, n1)).toMatchObject({ status: "withdrawn", preference: 1 });
  });

  it("a rejected application keeps its place: no third try", async () => {
    const { id } = await announced(3);
    const [a, reviewer] = (await staff(2)) as [string, string];
    const first = await applied(id, a, "P1");
    await applied(id, a, "P2");
    expect(await decide(id, first, reject(reviewer))).toEqual({ ok: true, data: null });
    const third = await nominated(id, self(a, "P3"));
    expect(await accept(id, third)).toEqual({ ok: false, error: "too_many_applications" });
  });

  it("the schema holds the places whatever the code: a third live preference is refused", async () => {
    const { id } = await announced(3);
    const [a] = (await staff(1)) as [string];
    await applied(id, a, "P1");
    await applied(id, a, "P2");
    const third = await nominated(id, self(a, "P3"));
    const set = (preference: number) =>
      sql`update round_applications set status = 'applied', accepted_at = now(),
          preference = ${preference} where id = ${third}`.execute(db);
    await refusedWith(set(1), "23505");
    await refusedWith(set(2), "23505");
    await refusedWith(set(3), "23514");
  });
});

describe("application records: steps and decisions", () => {
  it("only the steps of the procedure: nominated → applied → decided; withdrawn is final", async () => {
    const { id } = await announced(3);
    const [a, reviewer] = (await staff(2)) as [string, string];
    const n = await nominated(id, self(a, "P1"));
    expect(await decide(id, n, pass(reviewer))).toEqual({ ok: false, error: "bad_transition" });
    await accept(id, n);
    expect(await accept(id, n)).toEqual({ ok: false, error: "bad_transition" });
    expect(await decide(id, n, pass(reviewer))).toEqual({ ok: true, data: null });
    // A decision may be revised while the review is open.
    expect(await decide(id, n, reject(reviewer))).toEqual({ ok: true, data: null });
    expect(await withdraw(id, n)).toEqual({ ok: false, error: "bad_transition" });
    expect(await decide(id, n, pass(reviewer))).toEqual({ ok: true, data: null });
    expect(await withdraw(id, n)).toEqual({ ok: true, data: null });
    expect(await withdraw(id, n)).toEqual({ ok: false, error: "bad_transition" });
    expect(await accept(id, n)).toEqual({ ok: false, error: "bad_transition" });
    // A nominee may decline.
    const declined = await nominated(id, self(a, "P2"));
    expect(await withdraw(id, declined)).toEqual({ ok: true, data: null });
    expect(await application(id, declined)).toMatchObject({
      status: "withdrawn",
      preference: null,
    });
    expect(await accept(id, unique("x"))).toEqual({ ok: false, error: "application_not_found" });
    expect(await accept(id, "00000000-0000-4000-8000-000000000000")).toEqual({
      ok: false,
      error: "application_not_found",
    });
    // An application of another round is not found through this one.
    const other = await announced(1);
    expect(await withdraw(other.id, declined)).toEqual({
      ok: false,
      error: "application_not_found",
    });
  });

  it("a decision keeps its reviewer, time, checks and reason; a rejection needs a reason", async () => {
    const { id } = await announced(2);
    const [a, reviewer] = (await staff(2)) as [string, string];
    const n = await applied(id, a, "P1");
    expect(await decide(id, n, reject(reviewer, "  "))).toEqual({
      ok: false,
      error: "reason_required",
    });
    expect(await decide(id, n, pass(unique("S")))).toEqual({
      ok: false,
      error: "unknown_reviewer",
    });
    expect(await decide(id, n, { outcome: "pass", reviewer, checks: null })).toEqual({
      ok: false,
      error: "checks_required",
    });
    expect((await application(id, n)).status).toBe("applied");
    expect(await decide(id, n, reject(reviewer))).toEqual({ ok: true, data: null });
    const decided = await application(id, n);
    expect(decided).toMatchObject({
      status: "rejected",
      decidedBy: reviewer,
      reason: "学历不符合岗位条件",
      checks,
    });
    expect(decided.decidedAt).not.toBeNull();
    // The schema's own checks, whatever the code.
    const m = await applied(id, a, "P2");
    await refusedWith(
      sql`update round_applications set status = 'passed' where id = ${m}`.execute(db),
      "23514",
    );
    await refusedWith(
      sql`update round_applications set status = 'rejected', decided_by = ${reviewer},
          decided_at = now(), checks = '{}' where id = ${m}`.execute(db),
      "23514",
    );
  });

  it("a reviewer steps aside for their own application and a declared relative's", async () => {
    const { id } = await announced(3);
    const [a, spouse, stranger] = (await staff(3, ([x, y]) => [
      { from: x as string, to: y as string, relation: "spouse" },
    ])) as [string, string, string];
    const n = await applied(id, a, "P1");
    expect(await decide(id, n, pass(a))).toEqual({ ok: false, error: "reviewer_avoidance" });
    expect(await decide(id, n, pass(spouse))).toEqual({ ok: false, error: "reviewer_avoidance" });
    expect(await decide(id, n, pass(stranger))).toEqual({ ok: true, data: null });
    const m = await applied(id, spouse, "P2");
    expect(await decide(id, m, reject(a))).toEqual({ ok: false, error: "reviewer_avoidance" });
  });
});

describe("application records: the review closes", () => {
  it("closes only when every application is decided, once; then nothing changes", async () => {
    const { id } = await announced(3);
    const [a, b, reviewer] = (await staff(3)) as [string, string, string];
    const first = await applied(id, a, "P1");
    const second = await applied(id, b, "P1");
    const pending = await nominated(id, self(b, "P2"));
    expect(await closeReview(id)).toEqual({ ok: false, error: "review_undecided" });
    await decide(id, first, pass(reviewer));
    await decide(id, second, reject(reviewer));
    expect(await apps.reviewClosed(id)).toBe(false);
    const close = auditFor(id, "review:close");
    expect(await apps.closeReview(id, close)).toEqual({ ok: true, data: "closed" });
    expect(await closeReview(id)).toEqual({ ok: true, data: "already" });
    expect(await apps.reviewClosed(id)).toBe(true);
    const closes = (await trail.list(id)).filter(
      (e) => JSON.parse(e.body).action === "review:close",
    );
    expect(closes.map((e) => e.entryId)).toEqual([close.entryId]);

    expect(await withdraw(id, first)).toEqual({ ok: false, error: "review_closed" });
    expect(await decide(id, second, pass(reviewer))).toEqual({ ok: false, error: "review_closed" });
    expect(await accept(id, pending)).toEqual({ ok: false, error: "review_closed" });
    expect(await apps.nominate(id, self(a, "P3"), auditFor(id, "x"))).toEqual({
      ok: false,
      error: "review_closed",
    });
    await refusedWith(sql`delete from round_reviews where round_id = ${id}`.execute(db), "JP004");
    await refusedWith(
      sql`update round_reviews set closed_at = now() where round_id = ${id}`.execute(db),
      "JP004",
    );
    expect(await closeReview(unique("r"))).toEqual({ ok: false, error: "round_not_found" });
  });

  it("a frozen round refuses every change of its applications and the closing", async () => {
    const { id } = await announced(2);
    const [a, b] = (await staff(2)) as [string, string];
    const n = await applied(id, a, "P1");
    const m = await nominated(id, self(b, "P1"));
    await rounds.start(id, auditOf(id, "round:start"));
    expect(await withdraw(id, n)).toEqual({ ok: false, error: "round_frozen" });
    expect(await accept(id, m)).toEqual({ ok: false, error: "round_frozen" });
    expect(await apps.nominate(id, self(b, "P2"), auditFor(id, "x"))).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(await closeReview(id)).toEqual({ ok: false, error: "round_frozen" });
    await refusedWith(
      sql`update round_applications set status = 'withdrawn', withdrawn_at = now()
          where id = ${n}`.execute(db),
      "JP003",
    );
  });
});

describe("application records: the round's life", () => {
  it("a deleted draft takes its applications and review with it", async () => {
    const { id } = await announced(2);
    const [a, reviewer] = (await staff(2)) as [string, string];
    const n = await applied(id, a, "P1");
    await decide(id, n, pass(reviewer));
    await closeReview(id);
    expect(await rounds.remove(id, auditOf(id, "round:delete"))).toBe("ok");
    const left = await db
      .selectFrom("round_applications")
      .select("id")
      .where("round_id", "=", id)
      .execute();
    expect(left).toEqual([]);
    expect(await apps.reviewClosed(id)).toBe(false);
    expect(await apps.ofPerson(a)).toEqual([]);
  });

  it("a replaced draft keeps the applications of the posts it keeps, and may not drop one that has some", async () => {
    const { id, config: file } = await announced(2);
    const [a] = (await staff(1)) as [string];
    const n = await applied(id, a, "P2");
    expect(await rounds.replaceDraft(id, file, auditOf(id))).toBe("ok");
    expect((await application(id, n)).status).toBe("applied");
    const withoutP2 = roundConfig({
      positions: file.positions.filter((p) => p.id !== "P2"),
      candidates: file.candidates,
    });
    await expect(rounds.replaceDraft(id, withoutP2, auditOf(id))).rejects.toMatchObject({
      code: "23503",
      constraint: "round_applications_post",
    });
    expect((await rounds.draftConfig(id))?.positions.map((p) => p.id)).toEqual(["P1", "P2"]);
  });

  it("a person's applications over rounds, oldest first", async () => {
    const [a] = (await staff(1)) as [string];
    const one = await announced(1);
    const two = await announced(1);
    await applied(one.id, a, "P1");
    await nominated(two.id, { staffNo: a, postLocalId: "P1", source: "party" });
    const history = await apps.ofPerson(a);
    expect(history.map((h) => [h.roundId, h.status])).toEqual([
      [one.id, "applied"],
      [two.id, "nominated"],
    ]);
  });
});

/** Fifty of the same write at once, on pool connections of their own as far as there are. */
const fifty = <T>(write: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: 50 }, (_, i) => write(i)));

const tally = (codes: string[]) => {
  const n: Record<string, number> = {};
  for (const c of codes) n[c] = (n[c] ?? 0) + 1;
  return n;
};

describe("application records: fifty conflicting writes at once", () => {
  it("fifty acceptances of fifty posts by one person: exactly two land, as places 1 and 2", async () => {
    const { id } = await announced(50);
    const [a] = (await staff(1)) as [string];
    const ids: string[] = [];
    for (let i = 1; i <= 50; i++) ids.push(await nominated(id, self(a, `P${i}`)));
    const results = await fifty((i) => accept(id, ids[i] ?? ""));
    expect(tally(results.map((r) => (r.ok ? "ok" : r.error)))).toEqual({
      ok: 2,
      too_many_applications: 48,
    });
    const places = results.flatMap((r) => (r.ok ? [r.data.preference] : [])).sort();
    expect(places).toEqual([1, 2]);
    const live = await db
      .selectFrom("round_applications")
      .select("preference")
      .where("round_id", "=", id)
      .where("status", "=", "applied")
      .execute();
    expect(live.map((r) => r.preference).sort()).toEqual([1, 2]);
    const accepts = (await trail.list(id)).filter(
      (e) => JSON.parse(e.body).action === "application:accept",
    );
    expect(accepts).toHaveLength(2);
  });

  it("fifty nominations of one person for one post: one lands, 49 already nominated", async () => {
    const { id } = await announced(1);
    const [a] = (await staff(1)) as [string];
    const results = await fifty((i) =>
      apps.nominate(
        id,
        i % 2 ? self(a, "P1") : { staffNo: a, postLocalId: "P1", source: "party" },
        auditFor(id, "application:nominate"),
      ),
    );
    expect(tally(results.map((r) => (r.ok ? "ok" : r.error)))).toEqual({
      ok: 1,
      already_nominated: 49,
    });
  });

  it("fifty acceptances of one nomination: one lands, 49 are a step out of order", async () => {
    const { id } = await announced(1);
    const [a] = (await staff(1)) as [string];
    const n = await nominated(id, self(a, "P1"));
    const results = await fifty(() => accept(id, n));
    expect(tally(results.map((r) => (r.ok ? "ok" : r.error)))).toEqual({
      ok: 1,
      bad_transition: 49,
    });
  });

  it("fifty withdrawals racing the closing: each lands before it or is refused after it", async () => {
    const { id } = await announced(1);
    const nos = await staff(51);
    const reviewer = nos.pop() as string;
    const ids: string[] = [];
    for (const no of nos) {
      const n = await applied(id, no, "P1");
      await decide(id, n, pass(reviewer));
      ids.push(n);
    }
    const audits = ids.map(() => auditFor(id, "application:withdraw"));
    const close = auditFor(id, "review:close");
    const before = ids.slice(0, 25).map((n, i) => apps.withdraw(id, n, audits[i] ?? close));
    const closing = apps.closeReview(id, close);
    const after = ids.slice(25).map((n, i) => apps.withdraw(id, n, audits[25 + i] ?? close));
    const results = await Promise.all([...before, ...after]);
    expect(await closing).toEqual({ ok: true, data: "closed" });

    const codes = results.map((r) => (r.ok ? "ok" : r.error));
    expect(codes.every((c) => c === "ok" || c === "review_closed")).toBe(true);
    const seq = new Map((await trail.list(id)).map((e) => [e.entryId, e.seq]));
    const closedAt = seq.get(close.entryId) ?? 0;
    const list = (await apps.list(id))?.[0]?.applications ?? [];
    for (const [i, r] of results.entries()) {
      const status = list.find((a) => a.id === ids[i])?.status;
      if (r.ok) {
        expect(status).toBe("withdrawn");
        expect(seq.get(audits[i]?.entryId ?? "")).toBeLessThan(closedAt);
      } else {
        expect(status).toBe("passed");
        expect(seq.has(audits[i]?.entryId ?? "")).toBe(false);
      }
    }
    expect(codes).toContain("ok");
  });
});
