import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApplicationRecords } from "../../server/records/application-records.ts";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import {
  createPostRecords,
  type PostRecords,
  type PostTerms,
} from "../../server/records/post-records.ts";
import { createRegisterRecords } from "../../server/records/register-records.ts";
import { createRoundRecords, type RoundRecords } from "../../server/records/round-records.ts";
import type { PostInput } from "../../shared/protocol/posts.ts";
import { DraftRoundFile, type RoundConfig } from "../../shared/round-file.ts";
import { defaultDraft } from "../../shared/setup/default-rules.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, landedRound, roundConfig, unique } from "../utils/records-fixtures.ts";
import { auditFor, registerPerson } from "../utils/register-fixtures.ts";

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

/** A post as the editor sends it; a new one has no localId. */
const entry = (title: string, o: Partial<PostInput> = {}): PostInput => ({
  title,
  seats: 1,
  termYears: 2,
  duties: `${title}的职责`,
  conditionsText: "",
  conditions: {},
  ...o,
});

/** The file check posts:save hands in: a draft's round file, or its first problem's path. */
const draftCheck = (config: RoundConfig) => {
  const parsed = DraftRoundFile.safeParse(config);
  return parsed.success ? null : (parsed.error.issues[0]?.path.join(".") ?? "");
};

const saveList = (roundId: string, list: PostInput[], audit = auditFor(roundId, "posts:save")) =>
  posts.savePostList(roundId, list, audit, draftCheck);

/** What the records hold of a round's posts: the file's, the linked rows and the terms. */
async function heldPosts(roundId: string) {
  const config = await rounds.draftConfig(roundId);
  const linked = await db
    .selectFrom("round_posts")
    .select(["local_id", "seats"])
    .where("round_id", "=", roundId)
    .orderBy("local_id")
    .execute();
  const termRows = await db
    .selectFrom("round_post_terms")
    .select(["local_id", "sort_order", "duties"])
    .where("round_id", "=", roundId)
    .orderBy("sort_order")
    .execute();
  return { positions: config?.positions ?? [], linked, terms: termRows };
}

async function emptyDraft() {
  const id = unique("r");
  await rounds.createDraft({ id, kind: "formal", config: defaultDraft("新建轮次") }, auditOf(id));
  return id;
}

describe("post records: the post list (posts:save)", () => {
  it("creates posts in an empty draft with the ids P1, P2…, file and terms in one", async () => {
    const id = await emptyDraft();
    const department = unique("办公室");
    const audit = auditFor(id, "posts:save");
    const list = [
      entry("办公室主任", {
        department,
        seats: 2,
        termYears: 3,
        conditionsText: "  本科以上学历 ",
        conditions: {
          minWorkYears: 5,
          maxAge: 45,
          reviewGrades: { years: 3, atLeast: "competent" },
        },
      }),
      entry(unique("法规科科长")),
    ];
    expect(await posts.savePostList(id, list, audit, draftCheck)).toEqual({ ok: true, data: null });
    expect(await trail.stored([audit.entryId])).toEqual(new Set([audit.entryId]));
    const held = await heldPosts(id);
    expect(held.positions).toEqual([
      { id: "P1", title: "办公室主任", department, seats: 2, conditions: "本科以上学历" },
      { id: "P2", title: list[1]?.title, seats: 1 },
    ]);
    expect(held.linked).toEqual([
      { local_id: "P1", seats: 2 },
      { local_id: "P2", seats: 1 },
    ]);
    expect(await posts.posts(id)).toEqual([
      {
        localId: "P1",
        code: null,
        title: "办公室主任",
        seats: 2,
        department,
        termYears: 3,
        duties: "办公室主任的职责",
        conditionsText: "本科以上学历",
        conditions: {
          minWorkYears: 5,
          maxAge: 45,
          reviewGrades: { years: 3, atLeast: "competent" },
        },
      },
      expect.objectContaining({ localId: "P2", department: null, termYears: 2 }),
    ]);
  });

  it("reorders, edits and removes by id; a new post takes the smallest id never used", async () => {
    const id = await emptyDraft();
    await saveList(id, [entry("甲"), entry("乙"), entry("丙")]);
    // P2 goes and a new post comes in the same save: it is not given P2.
    const again = await saveList(id, [
      entry("丙（改）", { localId: "P3", seats: 3 }),
      entry("丁"),
      entry("甲", { localId: "P1" }),
    ]);
    expect(again).toEqual({ ok: true, data: null });
    const read = await posts.posts(id);
    expect(read?.map((p) => [p.localId, p.title, p.seats])).toEqual([
      ["P3", "丙（改）", 3],
      ["P4", "丁", 1],
      ["P1", "甲", 1],
    ]);
    // Gone now and never published: P2 is free again.
    await saveList(id, [entry("甲", { localId: "P1" }), entry("戊")]);
    expect((await posts.posts(id))?.map((p) => p.localId)).toEqual(["P1", "P2"]);
    // Published ids stay taken even once removed.
    expect((await posts.publish(id, dates, auditFor(id, "announcement:publish"))).ok).toBe(true);
    await saveList(id, [entry("甲", { localId: "P1" })]);
    await saveList(id, [entry("甲", { localId: "P1" }), entry("己")]);
    expect((await posts.posts(id))?.map((p) => p.localId)).toEqual(["P1", "P3"]);
    const held = await heldPosts(id);
    expect(held.linked.map((r) => r.local_id)).toEqual(["P1", "P3"]);
    expect(held.terms.map((r) => r.local_id)).toEqual(["P1", "P3"]);
  });

  it("refuses an unknown id, a frozen round, a file the check refuses; nothing changes", async () => {
    const id = await emptyDraft();
    await saveList(id, [entry("甲"), entry("乙")]);
    const before = await heldPosts(id);
    expect(await saveList(id, [entry("甲", { localId: "P9" })])).toEqual({
      ok: false,
      error: "post_not_found",
    });
    // The same post (no code, same department and title) twice: the round file refuses it.
    expect(await saveList(id, [entry("甲", { localId: "P1" }), entry("甲")])).toEqual({
      ok: false,
      error: "invalid_round_file",
      problem: "positions.1",
    });
    expect(await saveList(unique("r"), [entry("甲")])).toEqual({
      ok: false,
      error: "round_not_found",
    });
    expect(await heldPosts(id)).toEqual(before);

    const { id: frozen } = await started();
    const frozenBefore = await heldPosts(frozen);
    expect(await saveList(frozen, [entry("甲", { localId: "P1" })])).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(await heldPosts(frozen)).toEqual(frozenBefore);
  });

  it("a removed post that candidates of the file apply to fails the file check", async () => {
    const { id } = await draft();
    // threePosts(): candidate C1 applies for P1.
    const res = await saveList(id, [entry("x", { localId: "P2" }), entry("y", { localId: "P3" })]);
    expect(res).toEqual({
      ok: false,
      error: "invalid_round_file",
      problem: "candidates.0.applications.0",
    });
    expect((await heldPosts(id)).linked.map((r) => r.local_id)).toEqual(["P1", "P2", "P3"]);
  });

  it("refuses to remove a post that has applications (the database's deferred key)", async () => {
    const id = await emptyDraft();
    await saveList(id, [entry("甲"), entry("乙")]);
    expect((await posts.publish(id, dates, auditFor(id, "announcement:publish"))).ok).toBe(true);
    const person = registerPerson();
    const register = createRegisterRecords(db);
    const imported = await register.importRegister(
      [person],
      [],
      sha256Hex(unique("f")),
      auditFor(null, "register:import"),
    );
    expect(imported.ok).toBe(true);
    const apps = createApplicationRecords(db);
    const nominated = await apps.nominate(
      id,
      { staffNo: person.staffNo, postLocalId: "P2", source: "self" },
      auditFor(id, "application:nominate"),
    );
    expect(nominated.ok).toBe(true);
    const before = await heldPosts(id);
    const audit = auditFor(id, "posts:save");
    expect(await saveList(id, [entry("甲", { localId: "P1" })], audit)).toEqual({
      ok: false,
      error: "post_has_applications",
    });
    expect(await heldPosts(id)).toEqual(before);
    expect(await trail.stored([audit.entryId])).toEqual(new Set());
    // Keeping it (renamed, moved) is fine.
    expect(
      await saveList(id, [entry("乙（改）", { localId: "P2" }), entry("甲", { localId: "P1" })]),
    ).toEqual({ ok: true, data: null });
  });

  it("fifty saves of different lists at once: one list is whole, file, links and terms alike", async () => {
    const id = await emptyDraft();
    await saveList(id, [entry("甲"), entry("乙")]);
    const lists = Array.from({ length: 50 }, (_, i): PostInput[] => {
      const kept = [
        entry(`甲${i}`, { localId: "P1", duties: `第${i}次` }),
        entry(`乙${i}`, { localId: "P2", duties: `第${i}次` }),
      ];
      const ordered = i % 2 === 0 ? kept : kept.reverse();
      // Some lists add a post, some drop one.
      if (i % 3 === 0) return [...ordered, entry(`新${i}`, { duties: `第${i}次` })];
      if (i % 3 === 1) return ordered.slice(0, 1);
      return ordered;
    });
    const audits = lists.map(() => auditFor(id, "posts:save"));
    const results = await fifty((i) => saveList(id, lists[i] ?? [], audits[i]));
    // A list dropping P2 may meet one that lists it afterwards: post_not_found then.
    for (const r of results) if (!r.ok) expect(r.error).toBe("post_not_found");
    const landed = results.flatMap((r, i) => (r.ok ? [i] : []));
    expect(landed.length).toBeGreaterThan(0);
    const stored = await trail.stored(audits.map((a) => a.entryId));
    expect(stored.size).toBe(landed.length);

    const held = await heldPosts(id);
    const winner = Number(/\d+$/.exec(held.positions[0]?.title ?? "")?.[0]);
    expect(landed).toContain(winner);
    const list = lists[winner] ?? [];
    expect(held.positions.map((p) => p.title)).toEqual(list.map((p) => p.title));
    const ids = held.positions.map((p) => p.id);
    expect(held.linked.map((r) => r.local_id)).toEqual([...ids].sort());
    expect(held.terms.map((r) => r.local_id)).toEqual(ids);
    expect(new Set(held.terms.map((r) => r.duties))).toEqual(new Set([`第${winner}次`]));
  });
});
