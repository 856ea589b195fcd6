import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import {
  createPostRecords,
  type PostRecords,
  type PostTerms,
} from "../../server/records/post-records.ts";
import { createRoundRecords, type RoundRecords } from "../../server/records/round-records.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, landedRound, roundConfig, unique } from "../utils/records-fixtures.ts";
import { auditFor } from "../utils/register-fixtures.ts";

// The conformance suite of server/records/post-records.ts against the real PostgreSQL: the
// terms of a round's posts and its announcements. Every refusal asserted is the schema's.

let db: Db;
let rounds: RoundRecords;
let posts: PostRecords;
let trail: AuditRecords;
beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  rounds = createRoundRecords(db);
  posts = createPostRecords(db);
  trail = createAuditRecords(db);
});
afterAll(() => db.destroy());

/** Three posts: one with a department and the file's conditions text. */
function threePosts(): RoundConfig {
  return roundConfig({
    positions: [
      {
        id: "P1",
        title: "办公室主任",
        seats: 1,
        department: unique("办公室"),
        conditions: "本科以上学历",
      },
      { id: "P2", title: unique("法规科科长"), seats: 1 },
      { id: "P3", title: unique("监察科科长"), seats: 2 },
    ],
    candidates: [{ id: "C1", name: unique("候选人"), applications: ["P1"] }],
  });
}

async function draft(kind: "formal" | "rehearsal" = "formal", config = threePosts()) {
  const id = unique("r");
  await rounds.createDraft({ id, kind, config }, auditOf(id));
  return { id, config };
}

async function started(kind: "formal" | "rehearsal" = "formal") {
  const round = await draft(kind);
  await rounds.start(round.id, auditOf(round.id, "round:start"));
  return round;
}

const terms = (localId: string, o: Partial<PostTerms> = {}): PostTerms => ({
  localId,
  department: null,
  termYears: 2,
  duties: `${localId} 的职责`,
  conditionsText: "",
  conditions: {},
  ...o,
});

const dates = { referenceDate: "2026-06-30", applyUntil: "2026-06-15" };
const save = (roundId: string, list: PostTerms[]) =>
  posts.savePosts(roundId, list, auditFor(roundId, "posts:save"));
const publish = (roundId: string) =>
  posts.publish(roundId, dates, auditFor(roundId, "posts:publish"));

const refused = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

const countRows = async (table: "round_post_terms" | "round_announcements", roundId: string) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select(db.fn.countAll<string>().as("n"))
        .where("round_id", "=", roundId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe("post records: terms", () => {
  it("a post without terms shows the defaults: two years, the file's department and conditions", async () => {
    const { id, config } = await draft();
    expect(await posts.posts(id)).toEqual([
      {
        localId: "P1",
        code: null,
        title: "办公室主任",
        seats: 1,
        department: config.positions[0]?.department,
        termYears: 2,
        duties: "",
        conditionsText: "本科以上学历",
        conditions: {},
      },
      expect.objectContaining({ localId: "P2", department: null, termYears: 2 }),
      expect.objectContaining({ localId: "P3", seats: 2 }),
    ]);
    expect(await posts.posts(unique("r"))).toBeNull();
  });

  it("saves the terms in the order given; a post left out is back to the defaults", async () => {
    const { id } = await draft();
    const department = unique("科室");
    const p3 = terms("P3", {
      department,
      termYears: 3,
      conditionsText: "具有五年以上工作经历",
      conditions: {
        minWorkYears: 5,
        minEducation: "college",
        reviewGrades: { years: 3, atLeast: "competent" },
        noActivePenalty: true,
      },
    });
    const p1 = terms("P1");
    const audit = auditFor(id, "posts:save");
    expect(await posts.savePosts(id, [p3, p1], audit)).toEqual({ ok: true, data: null });
    expect(await trail.stored([audit.entryId])).toEqual(new Set([audit.entryId]));
    const read = await posts.posts(id);
    expect(read?.map((p) => p.localId)).toEqual(["P3", "P1", "P2"]);
    expect(read?.[0]).toEqual({ ...p3, code: null, title: expect.any(String), seats: 2 });
    // P1's department stays the file's when the terms give none.
    expect(read?.[1]?.department).not.toBeNull();

    expect(await save(id, [terms("P2")])).toEqual({ ok: true, data: null });
    const again = await posts.posts(id);
    expect(again?.map((p) => p.localId)).toEqual(["P2", "P1", "P3"]);
    expect(again?.[2]).toMatchObject({ termYears: 2, duties: "", department: null });
  });

  it("refuses a post the round has not, one listed twice, a term out of range", async () => {
    const { id } = await draft();
    expect(await save(id, [terms("P9")])).toEqual({ ok: false, error: "unknown_post" });
    expect(await save(id, [terms("P1"), terms("P1")])).toEqual({
      ok: false,
      error: "duplicate_post",
    });
    expect(await save(id, [terms("P1", { termYears: 11 })])).toEqual({
      ok: false,
      error: "invalid_terms",
    });
    expect(await save(id, [terms("P1", { duties: "长".repeat(2001) })])).toEqual({
      ok: false,
      error: "invalid_terms",
    });
    expect(await countRows("round_post_terms", id)).toBe(0);
    expect(await save(unique("r"), [terms("P1")])).toEqual({
      ok: false,
      error: "round_not_found",
    });
    // The conditions column takes the keys of PostConditions only.
    await save(id, [terms("P1")]);
    await refused(
      sql`update round_post_terms set conditions = '{"minAge": 30}' where round_id = ${id}`.execute(
        db,
      ),
      "23514",
    );
    await refused(
      sql`update round_post_terms set conditions = '[]' where round_id = ${id}`.execute(db),
      "23514",
    );
    await refused(
      sql`insert into round_post_terms (round_id, local_id, sort_order)
          values (${id}, 'P2', 0)`.execute(db),
      "23505",
    );
  });

  it("a frozen round refuses every change to its terms", async () => {
    const { id } = await draft();
    await save(id, [terms("P1"), terms("P2")]);
    await rounds.start(id, auditOf(id, "round:start"));
    expect(await save(id, [terms("P3")])).toEqual({ ok: false, error: "round_frozen" });
    expect(await save(id, [])).toEqual({ ok: false, error: "round_frozen" });
    await refused(
      sql`update round_post_terms set term_years = 3 where round_id = ${id}`.execute(db),
      "JP003",
    );
    await refused(sql`delete from round_post_terms where round_id = ${id}`.execute(db), "JP003");
    await refused(
      sql`insert into round_post_terms (round_id, local_id, sort_order)
          values (${id}, 'P3', 5)`.execute(db),
      "JP003",
    );
    expect((await posts.posts(id))?.map((p) => p.localId)).toEqual(["P1", "P2", "P3"]);
    expect(await countRows("round_post_terms", id)).toBe(2);
  });

  it("a replaced draft keeps the terms of the posts it keeps and drops the others'", async () => {
    const { id, config } = await draft();
    await save(id, [terms("P1", { termYears: 4 }), terms("P2", { termYears: 5 })]);
    // Same file again: round_posts are deleted and inserted again, the terms stay.
    expect(await rounds.replaceDraft(id, config, auditOf(id))).toBe("ok");
    expect(await countRows("round_post_terms", id)).toBe(2);
    const withoutP2 = roundConfig({
      positions: config.positions.filter((p) => p.id !== "P2"),
      candidates: config.candidates,
    });
    expect(await rounds.replaceDraft(id, withoutP2, auditOf(id))).toBe("ok");
    const rows = await db
      .selectFrom("round_post_terms")
      .select(["local_id", "term_years"])
      .where("round_id", "=", id)
      .execute();
    expect(rows).toEqual([{ local_id: "P1", term_years: 4 }]);
  });
});

describe("post records: announcements", () => {
  it("publishes dated versions, each a snapshot of the posts as they stood", async () => {
    const { id } = await draft();
    await save(id, [terms("P1", { termYears: 2, duties: "第一版" })]);
    const first = await publish(id);
    if (!first.ok) throw new Error(first.error);
    expect(first.data).toMatchObject({ roundId: id, version: 1, ...dates });
    expect(first.data.body.posts.map((p) => p.localId)).toEqual(["P1", "P2", "P3"]);
    expect(first.data.body.posts[0]?.duties).toBe("第一版");

    await save(id, [terms("P1", { duties: "第二版" })]);
    const second = await posts.publish(
      id,
      { referenceDate: "2026-07-31", applyUntil: "2026-07-20" },
      auditFor(id, "posts:publish"),
    );
    expect(second).toMatchObject({ ok: true, data: { version: 2, referenceDate: "2026-07-31" } });
    const all = await posts.announcements(id);
    expect(all.map((a) => a.version)).toEqual([1, 2]);
    // The first version is as it was published.
    expect(all[0]).toEqual(first.data);
    expect(all[1]?.body.posts[0]?.duties).toBe("第二版");
    expect((await posts.latest(id))?.version).toBe(2);
    expect(await posts.latest(unique("r"))).toBeNull();
    expect(await posts.publish(unique("r"), dates, auditFor(null, "posts:publish"))).toEqual({
      ok: false,
      error: "round_not_found",
    });
  });

  it("announcements are append-only; the version is the database's", async () => {
    const { id } = await draft();
    await publish(id);
    await refused(
      sql`update round_announcements set apply_until = '2030-01-01' where round_id = ${id}`.execute(
        db,
      ),
      "JP004",
    );
    await refused(sql`delete from round_announcements where round_id = ${id}`.execute(db), "JP004");
    await sql`insert into round_announcements (round_id, version, reference_date, apply_until, body)
              values (${id}, 99, '2026-01-01', '2026-01-02', '{"posts": []}')`.execute(db);
    expect((await posts.announcements(id)).map((a) => a.version)).toEqual([1, 2]);
    await refused(
      sql`insert into round_announcements (round_id, reference_date, apply_until, body)
          values (${id}, '2026-01-01', '2026-01-02', '{}')`.execute(db),
      "23514",
    );
  });

  it("a frozen round publishes nothing", async () => {
    const { id } = await started();
    expect(await publish(id)).toEqual({ ok: false, error: "round_frozen" });
    expect(await countRows("round_announcements", id)).toBe(0);
  });

  it("a deleted draft or rehearsal takes its terms and announcements; a started formal round keeps them", async () => {
    const d = await draft();
    await save(d.id, [terms("P1")]);
    await publish(d.id);
    expect(await rounds.remove(d.id, auditOf(d.id, "round:delete"))).toBe("ok");
    expect(await countRows("round_post_terms", d.id)).toBe(0);
    expect(await countRows("round_announcements", d.id)).toBe(0);

    const r = await draft("rehearsal");
    await save(r.id, [terms("P1")]);
    await publish(r.id);
    await rounds.start(r.id, auditOf(r.id, "round:start"));
    expect(await rounds.land(r.id, landedRound(r.id, r.config))).toBe("ok");
    expect(await rounds.remove(r.id, auditOf(r.id, "round:delete"))).toBe("ok");
    expect(await countRows("round_announcements", r.id)).toBe(0);

    const f = await draft();
    await publish(f.id);
    await rounds.start(f.id, auditOf(f.id, "round:start"));
    expect(await rounds.remove(f.id, auditOf(f.id, "round:delete"))).toBe("round_not_deletable");
    expect(await countRows("round_announcements", f.id)).toBe(1);
  });
});

/** Fifty of the same write at once, on pool connections of their own as far as there are. */
const fifty = <T>(write: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: 50 }, (_, i) => write(i)));

describe("post records: fifty conflicting writes at once", () => {
  it("fifty publishes: versions 1 to 50, no gap, no duplicate, fifty audit entries", async () => {
    const { id } = await draft();
    const results = await fifty(() => publish(id));
    const versions = results.map((r) => (r.ok ? r.data.version : 0)).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect((await posts.announcements(id)).map((a) => a.version)).toEqual(versions);
    const entries = (await trail.list(id)).filter(
      (e) => JSON.parse(e.body).action === "posts:publish",
    );
    expect(entries).toHaveLength(50);
  });

  it("fifty saves of different orders: all land, the terms are one of them whole", async () => {
    const { id } = await draft();
    const orders = [
      ["P1", "P2", "P3"],
      ["P3", "P2", "P1"],
      ["P2", "P1"],
    ];
    const results = await fifty((i) =>
      save(
        id,
        (orders[i % 3] ?? []).map((p) => terms(p, { termYears: (i % 3) + 1 })),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const read = await posts.posts(id);
    const listed = read?.filter((p) => p.duties !== "").map((p) => p.localId);
    const index = orders.findIndex((o) => JSON.stringify(o) === JSON.stringify(listed));
    expect(index).toBeGreaterThanOrEqual(0);
    expect(new Set(read?.filter((p) => p.duties !== "").map((p) => p.termYears))).toEqual(
      new Set([index + 1]),
    );
  });

  it("fifty saves racing the start: each lands before it or is refused after it", async () => {
    const { id } = await draft();
    const audits = Array.from({ length: 50 }, () => auditFor(id, "posts:save"));
    const startAudit = auditOf(id, "round:start");
    const saveOne = (i: number) =>
      posts.savePosts(
        id,
        [terms(i % 2 === 0 ? "P1" : "P2", { duties: `第${i}次` })],
        audits[i] ?? auditFor(id, "x"),
      );
    // The start is asked for among the saves (the pool serves in order), so some land before
    // it and some come after.
    const before = Array.from({ length: 25 }, (_, i) => saveOne(i));
    const start = rounds.start(id, startAudit);
    const after = Array.from({ length: 25 }, (_, i) => saveOne(25 + i));
    const results = await Promise.all([...before, ...after]);
    await start;
    const codes = new Set(results.map((r) => (r.ok ? "ok" : r.error)));
    expect([...codes].every((c) => c === "ok" || c === "round_frozen")).toBe(true);
    // A save holds the round until it commits, so the trail orders every landed save before
    // the start, and the frozen terms are the last of them.
    const seq = new Map((await trail.list(id)).map((e) => [e.entryId, e.seq]));
    const startSeq = seq.get(startAudit.entryId) ?? 0;
    const landed = results.flatMap((r, i) => (r.ok ? [i] : []));
    for (const i of landed) expect(seq.get(audits[i]?.entryId ?? "")).toBeLessThan(startSeq);
    for (const [i, r] of results.entries()) {
      if (!r.ok) expect(seq.has(audits[i]?.entryId ?? "")).toBe(false);
    }
    const last = landed.sort(
      (a, b) => (seq.get(audits[b]?.entryId ?? "") ?? 0) - (seq.get(audits[a]?.entryId ?? "") ?? 0),
    )[0];
    expect(landed.length).toBeGreaterThan(0);
    expect(landed.length).toBeLessThan(50);
    const frozen = (await posts.posts(id))?.filter((p) => p.duties !== "");
    expect(frozen?.map((p) => p.duties)).toEqual(last === undefined ? [] : [`第${last}次`]);
  });
});
