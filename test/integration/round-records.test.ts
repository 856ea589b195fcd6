import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Database, type Db } from "../../server/records/db.ts";
import {
  configSha256,
  createRoundRecords,
  type RoundRecords,
} from "../../server/records/round-records.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, landedRound, roundConfig, unique } from "../utils/records-fixtures.ts";

// The conformance suite of server/records/round-records.ts, against the real PostgreSQL. Every
// refusal asserted here comes from the schema (constraints and triggers), so the raw
// statements through `db` are refused exactly as the store's own.

let url: string;
let db: Db;
let records: RoundRecords;
let trail: AuditRecords;
beforeAll(async () => {
  url = await fileDatabaseUrl();
  // Room for 20 transactions at once: the races below are between pool connections.
  db = connectDatabase(url, { max: 20 });
  records = createRoundRecords(db);
  trail = createAuditRecords(db);
});
afterAll(() => db.destroy());

/** A round with one post and one candidate, each new to the records unless given. */
function smallRound(o: { staffNo?: string; code?: string; department?: string } = {}) {
  return roundConfig({
    positions: [
      { id: "P1", title: unique("岗位"), seats: 1, code: o.code, department: o.department },
    ],
    candidates: [{ id: "C1", name: unique("候选人"), staffNo: o.staffNo, applications: ["P1"] }],
  });
}

async function draft(config: RoundConfig = smallRound(), kind: "formal" | "rehearsal" = "formal") {
  const id = unique("r");
  await records.createDraft({ id, kind, config }, auditOf(id));
  return { id, config };
}

async function started(kind: "formal" | "rehearsal" = "formal") {
  const round = await draft(smallRound(), kind);
  const res = await records.start(round.id, auditOf(round.id, "round:start"));
  if (res === "round_not_found") throw new Error("no such round");
  return round;
}

async function locked(kind: "formal" | "rehearsal" = "formal") {
  const round = await started(kind);
  expect(await records.land(round.id, landedRound(round.id, round.config))).toBe("ok");
  return round;
}

const countRows = async (table: keyof Database, where: Record<string, string>) => {
  let q = db.selectFrom(table).select(db.fn.countAll<string>().as("n"));
  for (const [column, value] of Object.entries(where)) {
    q = q.where(sql.ref(column), "=", value);
  }
  return Number((await q.executeTakeFirstOrThrow()).n);
};

const entriesOf = async (roundId: string, action: string) =>
  (await trail.list(roundId)).filter((e) => JSON.parse(e.body).action === action);

/** A statement the schema must refuse, with the SQLSTATE it must refuse it with. */
const refused = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

/** Runs `change` with a trigger off, as a superuser can (what the trail cannot prevent). */
async function behindItsBack(table: string, trigger: string, change: string) {
  await db.connection().execute(async (c) => {
    await sql.raw(`alter table ${table} disable trigger ${trigger}`).execute(c);
    try {
      await sql.raw(change).execute(c);
    } finally {
      await sql.raw(`alter table ${table} enable trigger ${trigger}`).execute(c);
    }
  });
}

describe("round records: the staff register and posts", () => {
  it("creates people, posts and departments once and reuses them in the next round", async () => {
    const staffNo = unique("S");
    const code = unique("G");
    const department = unique("科室");
    const byName = { name: unique("同名"), unit: "办公室" };
    const titled = unique("科长");
    const first = roundConfig({
      positions: [
        { id: "A", title: "主任", seats: 1, code, department },
        { id: "B", title: titled, seats: 1, department },
        { id: "C", title: titled, seats: 1 },
      ],
      candidates: [
        { id: "X", name: "张三", staffNo, applications: ["A"] },
        { id: "Y", ...byName, applications: ["B", "C"] },
      ],
    });
    // The same people and posts under other local ids, names and titles where the stable
    // identity is the staff number or the post code.
    const second = roundConfig({
      positions: [
        { id: "P1", title: "主任（更名）", seats: 2, code },
        { id: "P2", title: titled, seats: 1, department },
        { id: "P3", title: titled, seats: 1 },
      ],
      candidates: [
        { id: "K1", name: "张三（改名）", staffNo, applications: ["P1"] },
        { id: "K2", ...byName, applications: ["P2", "P3"] },
      ],
    });
    const a = await draft(first);
    const b = await draft(second);

    expect(await countRows("people", { staff_no: staffNo })).toBe(1);
    expect(await countRows("people", byName)).toBe(1);
    expect(await countRows("posts", { code })).toBe(1);
    expect(await countRows("posts", { title: titled })).toBe(2); // in the department, and in none
    expect(await countRows("departments", { name: department })).toBe(1);

    const parts = (roundId: string) =>
      Promise.all([
        db
          .selectFrom("round_posts")
          .select(["local_id", "post_id", "seats"])
          .where("round_id", "=", roundId)
          .orderBy("local_id")
          .execute(),
        db
          .selectFrom("round_candidates")
          .select(["local_id", "person_id"])
          .where("round_id", "=", roundId)
          .orderBy("local_id")
          .execute(),
      ]);
    const [postsA, peopleA] = await parts(a.id);
    const [postsB, peopleB] = await parts(b.id);
    expect(postsB.map((p) => p.post_id)).toEqual(postsA.map((p) => p.post_id));
    expect(postsB.map((p) => p.seats)).toEqual([2, 1, 1]);
    expect(peopleB.map((p) => p.person_id)).toEqual(peopleA.map((p) => p.person_id));
  });

  it("replaces a draft's file and parts, and only while it is a draft", async () => {
    const { id } = await draft();
    const corrected = smallRound({ staffNo: unique("S") });
    expect(await records.replaceDraft(id, corrected, auditOf(id))).toBe("ok");
    expect(await records.draftConfig(id)).toEqual(corrected);
    const person = await db
      .selectFrom("round_candidates")
      .innerJoin("people", "people.id", "round_candidates.person_id")
      .select("people.staff_no")
      .where("round_id", "=", id)
      .execute();
    expect(person).toEqual([{ staff_no: corrected.candidates[0]?.staffNo }]);

    await records.start(id, auditOf(id, "round:start"));
    expect(await records.replaceDraft(id, smallRound(), auditOf(id))).toBe("round_frozen");
    expect(await records.draftConfig(id)).toEqual(corrected);
    expect(await records.replaceDraft(unique("r"), smallRound(), auditOf(id))).toBe(
      "round_not_found",
    );
  });
});

describe("round records: the life cycle", () => {
  it("start freezes the draft and records the SHA-256 of its canonical JSON", async () => {
    const { id, config } = await draft();
    expect(await records.get(id)).toMatchObject({ status: "draft", configSha256: null });
    expect(await records.frozen(id)).toBeNull();

    const res = await records.start(id, auditOf(id, "round:start"));
    expect(res).toEqual({ code: "ok", round: { config, sha256: configSha256(config) } });
    const again = await records.start(id, auditOf(id, "round:start"));
    expect(again).toEqual({ code: "already", round: { config, sha256: configSha256(config) } });
    expect(await records.get(id)).toMatchObject({
      status: "session",
      configSha256: configSha256(config),
    });
    expect((await records.get(id))?.startedAt).not.toBeNull();
    expect(await records.frozen(id)).toEqual({ config, sha256: configSha256(config) });
    expect(await entriesOf(id, "round:start")).toHaveLength(1);
    expect(await records.start(unique("r"), auditOf(id))).toBe("round_not_found");
  });

  it("frozen() refuses rules that were changed behind the store's back", async () => {
    const { id } = await started();
    await behindItsBack(
      "rounds",
      "rounds_guard",
      `update rounds set config = jsonb_set(config, '{title}', '"改过的标题"') where id = '${id}'`,
    );
    // A fresh node (no cache) reads the row and finds its SHA-256 does not match.
    await expect(createRoundRecords(db).frozen(id)).rejects.toThrow(/do not match/);
  });

  it("the triggers refuse every step out of order and every change to a frozen round", async () => {
    const d = await draft();
    const s = await started();
    const l = await locked();
    const update = (id: string, set: string) =>
      sql.raw(`update rounds set ${set} where id = '${id}'`).execute(db);

    // JP002: draft → session → locked, nothing else.
    await refused(update(d.id, "status = 'locked'"), "JP002");
    await refused(update(s.id, "status = 'draft'"), "JP002");
    await refused(update(l.id, "status = 'session'"), "JP002");
    // JP003: a started round's rules, title and start are frozen; a locked one's record too.
    await refused(update(s.id, "config = '{}'::jsonb"), "JP003");
    await refused(update(s.id, "title = 'x'"), "JP003");
    await refused(update(s.id, "kind = 'rehearsal'"), "JP003");
    await refused(update(s.id, "started_at = now()"), "JP003");
    await refused(update(s.id, `config_sha256 = '${"1".repeat(64)}'`), "JP003");
    await refused(update(l.id, `digest = '${"2".repeat(64)}'`), "JP003");
    await refused(update(l.id, "final_state = '{}'::jsonb"), "JP003");
    // The posts and candidates of a started round.
    const person = await db
      .selectFrom("round_candidates")
      .select("person_id")
      .where("round_id", "=", s.id)
      .executeTakeFirstOrThrow();
    await refused(
      db
        .insertInto("round_candidates")
        .values({ round_id: s.id, local_id: "C9", person_id: person.person_id })
        .execute(),
      "JP003",
    );
    await refused(
      db.deleteFrom("round_candidates").where("round_id", "=", s.id).execute(),
      "JP003",
    );
    await refused(
      db.updateTable("round_posts").set({ seats: 9 }).where("round_id", "=", s.id).execute(),
      "JP003",
    );
    // What a lock landed is never changed (JP004), an archive only of a locked round.
    await refused(
      sql.raw(`update round_exports set body = '{}' where round_id = '${l.id}'`).execute(db),
      "JP004",
    );
    await refused(update(s.id, "archived_at = now()"), "23514");
    // The draft itself may still change.
    await update(d.id, "title = '改过'");
    expect((await records.get(d.id))?.title).toBe("改过");
  });

  it("delete: a draft, or a rehearsal at any stage with what it landed; never a started formal round", async () => {
    const d = await draft();
    expect(await records.remove(d.id, auditOf(d.id, "round:delete"))).toBe("ok");
    expect(await records.get(d.id)).toBeNull();
    expect(await countRows("round_candidates", { round_id: d.id })).toBe(0);
    // The trail outlives the round.
    expect(await entriesOf(d.id, "round:delete")).toHaveLength(1);

    const rs = await started("rehearsal");
    expect(await records.remove(rs.id, auditOf(rs.id, "round:delete"))).toBe("ok");
    const rl = await locked("rehearsal");
    expect(await countRows("round_exports", { round_id: rl.id })).toBe(1);
    expect(await records.remove(rl.id, auditOf(rl.id, "round:delete"))).toBe("ok");
    for (const table of ["round_exports", "round_displays", "round_posts"] as const) {
      expect(await countRows(table, { round_id: rl.id })).toBe(0);
    }

    const fs = await started();
    const fl = await locked();
    expect(await records.remove(fs.id, auditOf(fs.id, "round:delete"))).toBe("round_not_deletable");
    expect(await records.remove(fl.id, auditOf(fl.id, "round:delete"))).toBe("round_not_deletable");
    expect(await entriesOf(fs.id, "round:delete")).toHaveLength(0);
    await refused(db.deleteFrom("rounds").where("id", "=", fl.id).execute(), "JP001");
    await refused(db.deleteFrom("rounds").where("id", "=", fs.id).execute(), "JP001");
    expect(await records.remove(unique("r"), auditOf(d.id))).toBe("round_not_found");
  });

  it("archives only a locked round, once, and hides it from the list", async () => {
    const s = await started();
    const l = await locked();
    expect(await records.archive(s.id, auditOf(s.id, "round:archive"))).toBe("bad_state");
    expect(await records.archive(l.id, auditOf(l.id, "round:archive"))).toBe("ok");
    expect(await records.archive(l.id, auditOf(l.id, "round:archive"))).toBe("ok");
    expect(await entriesOf(l.id, "round:archive")).toHaveLength(1);
    expect((await records.list()).map((r) => r.id)).not.toContain(l.id);
    expect((await records.list({ archived: true })).map((r) => r.id)).toContain(l.id);
    // Archived is for good.
    await refused(
      sql.raw(`update rounds set archived_at = null where id = '${l.id}'`).execute(db),
      "JP003",
    );
    expect(await records.archive(unique("r"), auditOf(l.id))).toBe("round_not_found");
  });

  it("land is idempotent for the same export and refuses another", async () => {
    const s = await started();
    const landed = landedRound(s.id, s.config, new Date("2026-05-20T10:00:00Z"));
    expect(await records.land(s.id, landed)).toBe("ok");
    expect(await records.land(s.id, landed)).toBe("already");
    const other = landedRound(s.id, s.config, new Date("2026-05-20T11:00:00Z"));
    await expect(records.land(s.id, other)).rejects.toThrow(/another export/);
    expect(await records.get(s.id)).toMatchObject({
      status: "locked",
      digest: landed.file.digest,
      lockedAt: "2026-05-20T10:00:00.000Z",
    });
    expect((await records.archived(s.id))?.body).toBe(landed.body);
    expect(await records.display(s.id)).toEqual({
      screen: "locked",
      shownCandidateId: null,
      revealed: [],
      version: 3,
    });
    // A draft cannot be landed: draft → locked is not a step of the life cycle.
    const d = await draft();
    await expect(records.land(d.id, landedRound(d.id, d.config))).rejects.toMatchObject({
      code: "JP002",
    });
  });

  it("lists the rounds in one query", async () => {
    for (let i = 0; i < 3; i++) await locked();
    let queries = 0;
    const counted = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      log: () => {
        queries++;
      },
    });
    try {
      const rows = await createRoundRecords(counted).list();
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(queries).toBe(1);
    } finally {
      await counted.destroy();
    }
  });
});

/** Fifty of the same write at once, each on a pool connection of its own as far as there are. */
const fifty = <T>(write: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: 50 }, (_, i) => write(i)));

function tally(codes: string[]): Record<string, number> {
  const n: Record<string, number> = {};
  for (const c of codes) n[c] = (n[c] ?? 0) + 1;
  return n;
}

describe("round records: fifty conflicting writes at once", () => {
  it("start: one ok, 49 already, one audit entry", async () => {
    const { id, config } = await draft();
    const results = await fifty(() => records.start(id, auditOf(id, "round:start")));
    const codes = results.map((r) => (typeof r === "string" ? r : r.code));
    expect(tally(codes)).toEqual({ ok: 1, already: 49 });
    for (const r of results) {
      if (typeof r !== "string" && "round" in r) expect(r.round.sha256).toBe(configSha256(config));
    }
    expect(await entriesOf(id, "round:start")).toHaveLength(1);
  });

  it("createDraft of fifty rounds naming one new person and post: one row each", async () => {
    const staffNo = unique("S");
    const code = unique("G");
    const department = unique("科室");
    const ids = await fifty(
      async () => (await draft(smallRound({ staffNo, code, department }))).id,
    );
    expect(await countRows("people", { staff_no: staffNo })).toBe(1);
    expect(await countRows("posts", { code })).toBe(1);
    expect(await countRows("departments", { name: department })).toBe(1);
    const person = await db
      .selectFrom("people")
      .select("id")
      .where("staff_no", "=", staffNo)
      .executeTakeFirstOrThrow();
    const linked = await db
      .selectFrom("round_candidates")
      .select("round_id")
      .where("person_id", "=", person.id)
      .execute();
    expect(linked.map((r) => r.round_id).sort()).toEqual([...ids].sort());
  });

  it("createDraft of fifty rounds naming the same new people and posts in opposite orders", async () => {
    // Half list A before B, half B before A: rows created in file order would wait on each
    // other's unique-index entries in opposite orders, a deadlock PostgreSQL ends by failing one.
    const people = [unique("S"), unique("S")];
    const posts = [unique("G"), unique("G")];
    const byName = [unique("甲"), unique("乙")];
    const config = (flip: boolean) => {
      const order = <T>(xs: T[]) => (flip ? [...xs].reverse() : xs);
      return roundConfig({
        positions: order(posts).map((code, i) => ({
          id: `P${i}`,
          title: unique("岗位"),
          seats: 1,
          code,
        })),
        candidates: [
          ...order(people).map((staffNo, i) => ({
            id: `C${i}`,
            name: "候选人",
            staffNo,
            applications: ["P0"],
          })),
          ...order(byName).map((name, i) => ({ id: `N${i}`, name, applications: ["P1"] })),
        ],
      });
    };
    await fifty((i) => draft(config(i % 2 === 1)));
    for (const staffNo of people) expect(await countRows("people", { staff_no: staffNo })).toBe(1);
    for (const name of byName) expect(await countRows("people", { name })).toBe(1);
    for (const code of posts) expect(await countRows("posts", { code })).toBe(1);
  });

  it("land of one locked round: one export row, 49 already", async () => {
    const s = await started();
    const landed = landedRound(s.id, s.config);
    expect(tally(await fifty(() => records.land(s.id, landed)))).toEqual({ ok: 1, already: 49 });
    expect(await countRows("round_exports", { round_id: s.id })).toBe(1);
    expect(await countRows("round_displays", { round_id: s.id })).toBe(1);
  });

  it("remove of one rehearsal round: one ok", async () => {
    const s = await started("rehearsal");
    const codes = await fifty(() => records.remove(s.id, auditOf(s.id, "round:delete")));
    expect(tally(codes)).toEqual({ ok: 1, round_not_found: 49 });
    expect(await entriesOf(s.id, "round:delete")).toHaveLength(1);
  });

  it("fifty audit batches appended at once make one chain, no fork, none lost", async () => {
    const before = await trail.verify();
    if (!before.ok) throw new Error("the trail was broken before the test");
    const roundId = unique("r");
    await fifty(() => trail.append([auditOf(roundId, "session:goto"), auditOf(roundId)]));
    const after = await trail.verify();
    expect(after).toMatchObject({ ok: true, entries: before.entries + 100 });
    const rows = await db.selectFrom("audit_entries").select(["prev_hash", "hash"]).execute();
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);
    expect((await trail.list(roundId)).length).toBe(100);
  });
});
