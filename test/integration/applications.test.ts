// Nominations and the qualification review over the socket (issue 8, items 3–4): the
// two-post rule refused with nothing kept, acceptance and withdrawal, the checks computed at
// the announcement's reference date, the reasons a decision needs, the reviewer's
// avoidance, the closing that composes the draft's candidates, and the published outcome.
import { describe, expect, it } from "vitest";
import type { ApplicationList, ApplicationView } from "../../shared/protocol/applications.ts";
import type { Person, Relationship } from "../../shared/setup/person.ts";
import type { PostConditions } from "../../shared/setup/post-conditions.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { unique } from "../utils/records-fixtures.ts";
import { recordsSnapshot } from "../utils/records-snapshot.ts";
import { auditFor, registerPerson } from "../utils/register-fixtures.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const REFERENCE_DATE = "2026-06-30";

/** Three posts; the first asks for five years of work and an age of at most 45. */
const CONDITIONS: Record<string, PostConditions> = {
  P1: { minWorkYears: 5, maxAge: 45 },
  P2: { minEducation: "bachelor" },
  P3: {},
};

/** A draft with three posts (imported as a round file), their conditions, published. */
async function announcedDraft(org: ClientSocket) {
  const { speakingOrder: _, ...demo } = DEMO_ROUND;
  const file = {
    ...demo,
    positions: Object.keys(CONDITIONS).map((id) => ({
      id,
      title: unique("岗位"),
      department: "办公室",
      seats: 1,
    })),
    // A draft built before the review: its candidates come from the closing.
    candidates: [],
  };
  const { roundId } = expectOk(await call(org, "round:import", { file }));
  const { posts } = t.app.services.records;
  const terms = Object.entries(CONDITIONS).map(([localId, conditions]) => ({
    localId,
    department: "办公室",
    termYears: 2,
    duties: "",
    conditionsText: "",
    conditions,
  }));
  const saved = await posts.savePosts(roundId, terms, auditFor(roundId, "draft:rules"));
  if (!saved.ok) throw new Error(saved.error);
  const published = await posts.publish(
    roundId,
    { referenceDate: REFERENCE_DATE, applyUntil: "2026-06-20" },
    auditFor(roundId, "draft:rules"),
  );
  if (!published.ok) throw new Error(published.error);
  return { roundId, titles: file.positions.map((p) => p.title) };
}

/** New people in the register (unique staff numbers: the file's tests share the records). */
async function staff(
  people: Partial<Person>[],
  relationships: (nos: string[]) => Relationship[] = () => [],
) {
  const made = people.map((p) => registerPerson(p));
  const nos = made.map((p) => p.staffNo);
  const res = await t.app.services.records.register.importRegister(
    made,
    relationships(nos),
    sha256Hex(unique("file")),
    auditFor(null, "register:import"),
  );
  if (!res.ok) throw new Error(res.error);
  return nos as [string, ...string[]];
}

async function setup(
  people: Partial<Person>[] = [{}, {}, {}],
  rels?: (nos: string[]) => Relationship[],
) {
  const org = await t.client(t.organizerToken);
  const draft = await announcedDraft(org);
  const nos = await staff(people, rels);
  return { org, ...draft, nos };
}

const list = async (org: ClientSocket, roundId: string): Promise<ApplicationList> =>
  expectOk(await call(org, "application:list", { roundId }));

async function application(
  org: ClientSocket,
  roundId: string,
  id: string,
): Promise<ApplicationView> {
  const found = (await list(org, roundId)).posts
    .flatMap((p) => p.applications)
    .find((a) => a.id === id);
  if (!found) throw new Error(`no application ${id}`);
  return found;
}

async function selfApply(org: ClientSocket, roundId: string, staffNo: string, postId: string) {
  return expectOk(
    await call(org, "application:nominate", { roundId, staffNo, postId, source: "self" }),
  ).applicationId;
}

describe("nominations", () => {
  it("refuses a third post with too_many_applications and keeps nothing of it", async () => {
    const { org, roundId, nos } = await setup();
    const [a] = nos;
    const first = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: a,
        postId: "P1",
        source: "self",
      }),
    );
    expect(first).toMatchObject({ status: "applied", preference: 1 });
    const second = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: a,
        postId: "P2",
        source: "self",
      }),
    );
    expect(second.preference).toBe(2);

    const before = await recordsSnapshot(t.db);
    const third = await call(org, "application:nominate", {
      roundId,
      staffNo: a,
      postId: "P3",
      source: "self",
    });
    expect(third).toEqual({ ok: false, error: "too_many_applications" });
    expect(await recordsSnapshot(t.db)).toEqual(before);
    expect((await list(org, roundId)).posts.find((p) => p.localId === "P3")?.applications).toEqual(
      [],
    );

    // A nomination by the party group is taken, but its acceptance is the third place.
    const party = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: a,
        postId: "P3",
        source: "party",
      }),
    );
    expect(party).toMatchObject({ status: "nominated", preference: null });
    const accepted = await call(org, "application:accept", {
      roundId,
      applicationId: party.applicationId,
    });
    expect(accepted).toEqual({ ok: false, error: "too_many_applications" });
    expect((await application(org, roundId, party.applicationId)).status).toBe("nominated");
  });

  it("lists per post the nominees with their sources, staff counts and the counts", async () => {
    const { org, roundId, nos } = await setup();
    const [a, b, c] = nos as [string, string, string];
    await selfApply(org, roundId, a, "P1");
    expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: b,
        postId: "P1",
        source: "staff",
        staffCount: 12,
      }),
    );
    expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: c,
        postId: "P1",
        source: "party",
      }),
    );
    const again = await call(org, "application:nominate", {
      roundId,
      staffNo: b,
      postId: "P1",
      source: "staff",
      staffCount: 3,
    });
    expect(again).toEqual({ ok: false, error: "already_nominated" });
    const noCount = await call(org, "application:nominate", {
      roundId,
      staffNo: c,
      postId: "P2",
      source: "staff",
    });
    expect(noCount).toEqual({ ok: false, error: "invalid_payload" });
    const post = (await list(org, roundId)).posts.find((p) => p.localId === "P1");
    expect(post?.sources).toEqual({ self: 1, staff: 1, party: 1 });
    expect(post?.counts).toMatchObject({ applied: 1, nominated: 2 });
    expect(post?.staffRecommendations).toBe(12);
    const people = await t.app.services.records.register.listPeople();
    expect(
      post?.applications.map((x) => [x.staffNo, x.name, x.department, x.source, x.staffCount]),
    ).toEqual(
      [a, b, c].map((no, i) => {
        const p = people.find((q) => q.staffNo === no);
        return [no, p?.name, p?.department, ["self", "staff", "party"][i], i === 1 ? 12 : null];
      }),
    );

    const unknown = await call(org, "application:nominate", {
      roundId,
      staffNo: unique("X"),
      postId: "P1",
      source: "party",
    });
    expect(unknown).toEqual({ ok: false, error: "person_not_found" });
    const noPost = await call(org, "application:nominate", {
      roundId,
      staffNo: a,
      postId: "P9",
      source: "party",
    });
    expect(noPost).toEqual({ ok: false, error: "post_not_found" });
  });

  it("takes a nominee's acceptance and a withdrawal, which frees the place", async () => {
    const { org, roundId, nos } = await setup();
    const [a] = nos;
    const nominated = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: a,
        postId: "P2",
        source: "staff",
        staffCount: 5,
      }),
    ).applicationId;
    expect(
      expectOk(await call(org, "application:accept", { roundId, applicationId: nominated })),
    ).toEqual({
      preference: 1,
    });
    const again = await call(org, "application:accept", { roundId, applicationId: nominated });
    expect(again).toEqual({ ok: false, error: "invalid_transition" });
    await selfApply(org, roundId, a, "P1");
    expectOk(await call(org, "application:withdraw", { roundId, applicationId: nominated }));
    expect((await application(org, roundId, nominated)).status).toBe("withdrawn");
    // The first place is free again: a new application takes it.
    const third = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: a,
        postId: "P3",
        source: "self",
      }),
    );
    expect(third.preference).toBe(1);
    const gone = await call(org, "application:withdraw", {
      roundId,
      applicationId: "6f1c0d5e-8a1b-4c2d-9e3f-0a1b2c3d4e5f",
    });
    expect(gone).toEqual({ ok: false, error: "application_not_found" });
  });
});

describe("the qualification review", () => {
  it("checks the conditions at the reference date with the data used: a 46th birthday on it fails maxAge 45", async () => {
    const { org, roundId, nos } = await setup([
      { birthDate: "1980-06-30", workStart: "2021-07-01" },
      { birthDate: "1980-07-01", workStart: "2021-06-30" },
    ]);
    const [older, younger] = nos as [string, string];
    const oldId = await selfApply(org, roundId, older, "P1");
    const youngId = await selfApply(org, roundId, younger, "P1");
    const old = await application(org, roundId, oldId);
    expect(old.checks).toEqual([
      {
        condition: "workYears",
        pass: false,
        message: { key: "review.check.workYears", params: { years: 4, min: 5 } },
      },
      {
        condition: "age",
        pass: false,
        message: { key: "review.check.age", params: { age: 46, max: 45 } },
      },
    ]);
    const young = await application(org, roundId, youngId);
    expect(young.checks.map((c) => [c.condition, c.pass, c.message.params])).toEqual([
      ["workYears", true, { years: 5, min: 5 }],
      ["age", true, { age: 45, max: 45 }],
    ]);
    expect((await list(org, roundId)).announcement).toMatchObject({
      referenceDate: REFERENCE_DATE,
    });
  });

  it("needs a reason to pass over a failing check and to reject, and stores the checks", async () => {
    const { org, roundId, nos } = await setup([{ birthDate: "1970-01-01" }, {}, {}]);
    const [applicant, reviewer, other] = nos as [string, string, string];
    const id = await selfApply(org, roundId, applicant, "P1");
    const okId = await selfApply(org, roundId, other, "P1");
    const decide = (applicationId: string, outcome: "pass" | "reject", reason?: string) =>
      call(org, "application:decide", { roundId, applicationId, outcome, reviewer, reason });

    const before = await recordsSnapshot(t.db);
    expect(await decide(id, "pass")).toEqual({ ok: false, error: "override_reason_required" });
    expect(await decide(id, "pass", "   ")).toEqual({
      ok: false,
      error: "override_reason_required",
    });
    expect(await decide(id, "reject")).toEqual({ ok: false, error: "reason_required" });
    expect(await decide(id, "reject", "x".repeat(501))).toEqual({
      ok: false,
      error: "reason_too_long",
    });
    expect(await recordsSnapshot(t.db)).toEqual(before);

    // Passing a clean application needs no reason.
    expect(expectOk(await decide(okId, "pass"))).toEqual({ applicationId: okId, status: "passed" });
    const reason = "年龄超出系经县委组织部同意放宽";
    expectOk(await decide(id, "pass", ` ${reason} `));
    const decided = await application(org, roundId, id);
    expect(decided.status).toBe("passed");
    expect(decided.decision).toMatchObject({ reviewer, reason });
    expect(decided.decision?.checks).toEqual(decided.checks);
    expect(decided.decision?.checks.find((c) => c.condition === "age")?.pass).toBe(false);
    const trail = expectOk(await call(org, "audit:list", { roundId }));
    expect(trail.filter((e) => e.action === "application:decide").map((e) => e.note)).toEqual([
      `pass by ${reviewer}`,
      `pass override by ${reviewer}: ${reason}`,
    ]);
  });

  it("bars a reviewer from the applicant's own and a declared relative's application", async () => {
    const { org, roundId, nos } = await setup([{}, {}, {}], ([a, b]) => [
      { from: a as string, to: b as string, relation: "spouse" },
    ]);
    const [applicant, spouse, stranger] = nos as [string, string, string];
    const id = await selfApply(org, roundId, applicant, "P3");
    const decide = (reviewer: string) =>
      call(org, "application:decide", { roundId, applicationId: id, outcome: "pass", reviewer });
    expect(await decide(spouse)).toEqual({ ok: false, error: "reviewer_avoidance" });
    expect(await decide(applicant)).toEqual({ ok: false, error: "reviewer_avoidance" });
    expect(await decide(unique("N"))).toEqual({ ok: false, error: "unknown_reviewer" });
    expect((await application(org, roundId, id)).status).toBe("applied");
    expectOk(await decide(stranger));
    expect((await application(org, roundId, id)).decision?.reviewer).toBe(stranger);
  });

  it("closes once all are decided, composing the draft's candidates; the session then starts", async () => {
    const { org, roundId, nos, titles } = await setup([
      { currentPost: "办公室副主任" },
      { currentPost: "" },
      {},
      {},
    ]);
    const [a, b, c, reviewer] = nos as [string, string, string, string];
    const a2 = await selfApply(org, roundId, a, "P2");
    const a1 = await selfApply(org, roundId, a, "P3");
    const b1 = await selfApply(org, roundId, b, "P3");
    const c1 = await selfApply(org, roundId, c, "P2");
    const pending = expectOk(
      await call(org, "application:nominate", {
        roundId,
        staffNo: c,
        postId: "P3",
        source: "party",
      }),
    ).applicationId;
    const decide = (applicationId: string, outcome: "pass" | "reject") =>
      call(org, "application:decide", {
        roundId,
        applicationId,
        outcome,
        reviewer,
        reason: outcome === "reject" ? "不符合岗位条件" : undefined,
      });
    for (const id of [a2, a1, b1]) expectOk(await decide(id, "pass"));

    const outcomeUrl = `${t.url}/api/rounds/${roundId}/review-outcome`;
    const early = await fetch(outcomeUrl);
    expect(early.status).toBe(404);
    expect(await early.json()).toEqual({ ok: false, error: "review_not_closed" });
    expect(await call(org, "review:close", { roundId })).toEqual({
      ok: false,
      error: "review_undecided",
    });
    expectOk(await decide(c1, "reject"));

    const closed = expectOk(await call(org, "review:close", { roundId }));
    expect(closed.outcome).toBe("closed");
    const people = await t.app.services.records.register.listPeople();
    const nameOf = (no: string) => people.find((p) => p.staffNo === no)?.name;
    const expected = [
      { staffNo: a, applications: ["P2", "P3"], unit: "办公室副主任" },
      { staffNo: b, applications: ["P3"] },
    ]
      .sort((x, y) => (x.staffNo < y.staffNo ? -1 : 1))
      .map((x, i) => ({ id: `C${i + 1}`, name: nameOf(x.staffNo), ...x }));
    expect(closed.candidates).toEqual(expected);
    const { file } = expectOk(await call(org, "round:file", { roundId }));
    expect(file.candidates).toEqual(expected);
    expect(file.speakingOrder).toBeUndefined();
    expect(expectOk(await call(org, "review:close", { roundId }))).toEqual({
      outcome: "already",
      candidates: expected,
    });

    // The names are fixed: nothing changes any more.
    for (const [command, id] of [
      ["application:withdraw", a1],
      ["application:accept", pending],
    ] as const) {
      expect(await call(org, command, { roundId, applicationId: id })).toEqual({
        ok: false,
        error: "review_closed",
      });
    }
    expect(await decide(c1, "pass")).toEqual({ ok: false, error: "review_closed" });
    // Nor does a round file imported over the draft replace who competes.
    const over = { ...file, candidates: file.candidates.slice(0, 1) };
    expect(await call(org, "round:import", { file: over, roundId })).toEqual({
      ok: false,
      error: "review_closed",
    });
    expect(expectOk(await call(org, "round:file", { roundId })).file.candidates).toEqual(expected);

    const res = await fetch(outcomeUrl);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      data: { posts: { title: string; applicants: unknown[] }[] };
    };
    const personOf = (no: string) => {
      const p = people.find((q) => q.staffNo === no);
      return { name: p?.name, department: p?.department, currentPost: p?.currentPost };
    };
    const sorted = (nosOf: string[]) => nosOf.sort().map(personOf);
    expect(body.data.posts.map((p) => [p.title, p.applicants])).toEqual([
      [titles[0], []],
      [titles[1], [personOf(a)]],
      [titles[2], sorted([a, b])],
    ]);
    expect(JSON.stringify(body)).not.toMatch(/birth|review|grade|staffNo/i);

    const started = expectOk(await call(org, "round:start", { roundId, activate: false }));
    expect(started.configSha256).toMatch(/^[0-9a-f]{64}$/);
    const frozen = await t.app.services.rounds.config(roundId);
    expect(frozen?.candidates).toEqual(expected);
    expect((await fetch(`${t.url}/api/rounds/nope/review-outcome`)).status).toBe(404);
  });
});
