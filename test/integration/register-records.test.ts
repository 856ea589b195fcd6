import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import {
  createRegisterRecords,
  type RegisteredPerson,
  type RegisterRecords,
} from "../../server/records/register-records.ts";
import { createRoundRecords } from "../../server/records/round-records.ts";
import type { Person, Relationship } from "../../shared/setup/person.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, roundConfig, unique } from "../utils/records-fixtures.ts";
import { auditFor, registerPerson } from "../utils/register-fixtures.ts";

// The conformance suite of server/records/register-records.ts against the real PostgreSQL.
// Every refusal asserted here is the schema's (a constraint or trigger), so the raw
// statements through `db` are refused as the store's own are.

let db: Db;
let register: RegisterRecords;
let trail: AuditRecords;
beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  register = createRegisterRecords(db);
  trail = createAuditRecords(db);
});
afterAll(() => db.destroy());

const sha = () => sha256Hex(unique("file"));
const importFile = (people: Person[], relationships: Relationship[] = [], fileSha = sha()) =>
  register.importRegister(people, relationships, fileSha, auditFor(null, "register:import"));

async function imported(people: Person[], relationships: Relationship[] = []) {
  const res = await importFile(people, relationships);
  if (!res.ok) throw new Error(`import refused: ${res.error}`);
  return res.data;
}

const withoutRecord = ({ personId: _, updatedAt: __, ...p }: RegisteredPerson): Person => p;

async function registered(staffNo: string) {
  const p = await register.person(staffNo);
  if (!p) throw new Error(`${staffNo} is not in the register`);
  return p;
}

const refused = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

const noRelationships = { added: 0, changed: 0, removed: 0 };

describe("register records: import", () => {
  it("creates the people of a file with every field, read back exactly", async () => {
    const people = [
      registerPerson({
        sex: "male",
        // A day, in a zone east of UTC (TZ=Asia/Shanghai): read back as the same day.
        birthDate: "1990-01-01",
        gradeSince: null,
        grassrootsYears: 0.25,
        education: "master",
        reviewGrades: {},
        penalties: [{ kind: "demerit", from: "2024-05-06" }],
        voterGroup: "middle",
        department: unique("科室"),
      }),
      registerPerson(),
    ];
    const fileSha = sha();
    const res = await importFile(people, [], fileSha);
    expect(res).toEqual({
      ok: true,
      data: { created: 2, updated: 0, unchanged: 0, relationships: noRelationships },
    });
    for (const p of people) expect(withoutRecord(await registered(p.staffNo))).toEqual(p);
    const listed = (await register.listPeople()).map((p) => p.staffNo);
    expect(listed).toEqual(expect.arrayContaining(people.map((p) => p.staffNo)));
    const log = await db
      .selectFrom("register_imports")
      .selectAll()
      .where("file_sha256", "=", fileSha)
      .execute();
    expect(log).toMatchObject([{ rows: 2, created: 2, updated: 0, unchanged: 0 }]);
    expect(await register.person(unique("S"))).toBeNull();
  });

  it("the same file twice changes nothing: no new updated_at, every row unchanged", async () => {
    const people = [registerPerson(), registerPerson(), registerPerson()];
    const relations: Relationship[] = [
      { from: people[0]?.staffNo ?? "", to: people[1]?.staffNo ?? "", relation: "spouse" },
    ];
    await imported(people, relations);
    const before = await Promise.all(people.map((p) => registered(p.staffNo)));
    const again = await imported(people, relations);
    expect(again).toEqual({ created: 0, updated: 0, unchanged: 3, relationships: noRelationships });
    const after = await Promise.all(people.map((p) => registered(p.staffNo)));
    expect(after).toEqual(before);
    expect((await register.relationships()).filter((r) => r.relation === "spouse")).toContainEqual(
      expect.objectContaining({ relation: "spouse" }),
    );
  });

  it("a changed row updates that person, a new row inserts, people absent are kept", async () => {
    const [a, b, c] = [registerPerson(), registerPerson(), registerPerson()] as const;
    await imported([a, b, c]);
    const before = await Promise.all([a, b, c].map((p) => registered(p.staffNo)));
    const promoted = {
      ...a,
      grade: "四级主任科员",
      gradeSince: "2025-06-01",
      name: unique("改名"),
    };
    const d = registerPerson();
    const counts = await imported([promoted, b, d]);
    expect(counts).toEqual({
      created: 1,
      updated: 1,
      unchanged: 1,
      relationships: noRelationships,
    });

    const [a2, b2, c2] = await Promise.all([a, b, c].map((p) => registered(p.staffNo)));
    expect(withoutRecord(a2 as RegisteredPerson)).toEqual(promoted);
    // The stable id: the same people row, so earlier rounds still point at this person.
    expect(a2?.personId).toBe(before[0]?.personId);
    expect(Date.parse(a2?.updatedAt ?? "")).toBeGreaterThan(Date.parse(before[0]?.updatedAt ?? ""));
    expect(b2).toEqual(before[1]);
    expect(c2).toEqual(before[2]);
    expect(withoutRecord(await registered(d.staffNo))).toEqual(d);
    // people carries the name and, as round files do, the current post as unit.
    const row = await db
      .selectFrom("people")
      .select(["name", "unit"])
      .where("staff_no", "=", a.staffNo)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: promoted.name, unit: promoted.currentPost });
  });

  it("a person a round file named by staff number keeps their people row", async () => {
    const staffNo = unique("S");
    const rounds = createRoundRecords(db);
    const id = unique("r");
    const config = roundConfig({
      positions: [{ id: "P1", title: unique("岗位"), seats: 1 }],
      candidates: [{ id: "C1", name: "王建国", staffNo, applications: ["P1"] }],
    });
    await rounds.createDraft({ id, kind: "formal", config }, auditOf(id));
    const candidate = await db
      .selectFrom("round_candidates")
      .select("person_id")
      .where("round_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(await imported([registerPerson({ staffNo, name: "王建国" })])).toMatchObject({
      created: 1,
    });
    expect((await registered(staffNo)).personId).toBe(candidate.person_id);
    const rows = await db
      .selectFrom("people")
      .select("id")
      .where("staff_no", "=", staffNo)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("writes one audit entry per import, in the same transaction", async () => {
    const audit = auditFor(null, "register:import");
    const res = await register.importRegister([registerPerson()], [], sha(), audit);
    expect(res.ok).toBe(true);
    expect(await trail.stored([audit.entryId])).toEqual(new Set([audit.entryId]));
    // A refused import leaves no entry.
    const p = registerPerson();
    const refusedAudit = auditFor(null, "register:import");
    await register.importRegister([p, p], [], sha(), refusedAudit);
    expect((await trail.stored([refusedAudit.entryId])).size).toBe(0);
  });
});

describe("register records: relationships", () => {
  it("stores a pair once whichever way it is declared, and lists it", async () => {
    const [a, b] = [registerPerson(), registerPerson()] as const;
    const res = await imported(
      [a, b],
      [
        { from: a.staffNo, to: b.staffNo, relation: "spouse" },
        { from: b.staffNo, to: a.staffNo, relation: "spouse" },
      ],
    );
    expect(res.relationships).toEqual({ added: 1, changed: 0, removed: 0 });
    const pair = (await register.relationships()).filter((r) => [r.from, r.to].includes(a.staffNo));
    expect(pair).toHaveLength(1);
    expect([pair[0]?.from, pair[0]?.to].sort()).toEqual([a.staffNo, b.staffNo].sort());
  });

  it("replaces the pairs between the file's people; keeps pairs with someone it does not list", async () => {
    const [a, b, c, outsider] = [
      registerPerson(),
      registerPerson(),
      registerPerson(),
      registerPerson(),
    ] as const;
    await imported([outsider]);
    const first = await imported(
      [a, b, c],
      [
        { from: a.staffNo, to: b.staffNo, relation: "spouse" },
        { from: b.staffNo, to: c.staffNo, relation: "lineal" },
        { from: c.staffNo, to: outsider.staffNo, relation: "collateral" },
      ],
    );
    expect(first.relationships).toEqual({ added: 3, changed: 0, removed: 0 });
    // The next file changes a–b, drops b–c, says nothing of c–outsider.
    const second = await imported(
      [a, b, c],
      [{ from: b.staffNo, to: a.staffNo, relation: "in-law" }],
    );
    expect(second).toEqual({
      created: 0,
      updated: 0,
      unchanged: 3,
      relationships: { added: 0, changed: 1, removed: 1 },
    });
    const mine = (await register.relationships())
      .filter((r) => [a, b, c].some((p) => [r.from, r.to].includes(p.staffNo)))
      .map((r) => `${[r.from, r.to].sort().join("~")}:${r.relation}`)
      .sort();
    expect(mine).toEqual(
      [
        `${[a.staffNo, b.staffNo].sort().join("~")}:in-law`,
        `${[c.staffNo, outsider.staffNo].sort().join("~")}:collateral`,
      ].sort(),
    );
  });

  it("refuses a file whose relationships break a rule, and keeps nothing of it", async () => {
    const [a, b] = [registerPerson(), registerPerson()] as const;
    const cases: [Relationship[], string][] = [
      [[{ from: a.staffNo, to: unique("S"), relation: "spouse" }], "unknown_staff_no"],
      [[{ from: a.staffNo, to: a.staffNo, relation: "spouse" }], "self_relationship"],
      [
        [
          { from: a.staffNo, to: b.staffNo, relation: "spouse" },
          { from: b.staffNo, to: a.staffNo, relation: "lineal" },
        ],
        "conflicting_relationship",
      ],
    ];
    for (const [relations, error] of cases) {
      expect(await importFile([a, b], relations)).toEqual({ ok: false, error });
      expect(await register.person(a.staffNo)).toBeNull();
    }
    expect(await importFile([a, b, { ...a, name: "另一个" }])).toEqual({
      ok: false,
      error: "duplicate_staff_no",
    });
    expect(await register.person(b.staffNo)).toBeNull();
  });
});

describe("register records: hand edits and counts", () => {
  it("savePerson creates, updates and leaves alone, with an audit entry only for a change", async () => {
    const p = registerPerson();
    const created = auditFor(null, "register:edit");
    expect(await register.savePerson(p, created)).toBe("created");
    const before = await registered(p.staffNo);
    const same = auditFor(null, "register:edit");
    expect(await register.savePerson(p, same)).toBe("unchanged");
    expect(await registered(p.staffNo)).toEqual(before);
    const edited = { ...p, penalties: [{ kind: "warning" as const, from: "2025-01-02" }] };
    const changed = auditFor(null, "register:edit");
    expect(await register.savePerson(edited, changed)).toBe("updated");
    expect(withoutRecord(await registered(p.staffNo))).toEqual(edited);
    const stored = await trail.stored([created.entryId, same.entryId, changed.entryId]);
    expect(stored).toEqual(new Set([created.entryId, changed.entryId]));
  });

  it("savePerson keeps the person's relationships", async () => {
    const [a, b] = [registerPerson(), registerPerson()] as const;
    await imported([a, b], [{ from: a.staffNo, to: b.staffNo, relation: "lineal" }]);
    await register.savePerson({ ...a, grade: "三级主任科员" }, auditFor(null, "register:edit"));
    const mine = (await register.relationships()).filter((r) => [r.from, r.to].includes(a.staffNo));
    expect(mine).toHaveLength(1);
  });

  it("counts people per voter group, every group named", async () => {
    const before = await register.groupCounts();
    expect(Object.keys(before).sort()).toEqual(["leaders", "middle", "staff"]);
    await imported([
      registerPerson({ voterGroup: "leaders" }),
      registerPerson({ voterGroup: "middle" }),
      registerPerson({ voterGroup: "middle" }),
    ]);
    const after = await register.groupCounts();
    expect(after).toEqual({
      leaders: before.leaders + 1,
      middle: before.middle + 2,
      staff: before.staff,
    });
  });
});

describe("register records: the schema's own refusals", () => {
  const row = (personId: string, staffNo: string) => ({
    person_id: personId,
    staff_no: staffNo,
    sex: "male" as const,
    birth_date: "1980-02-03",
    department_id: "",
    current_post: "",
    grade: "",
    grade_since: null,
    work_start: "2000-01-01",
    grassroots_years: 1,
    education: "college" as const,
    review_grades: "{}",
    penalties: "[]",
    voter_group: "staff" as const,
  });

  it("a register row needs its person's staff number; the number stays in step", async () => {
    const p = registerPerson();
    await imported([p]);
    const person = await registered(p.staffNo);
    const department = await db
      .selectFrom("departments")
      .select("id")
      .where("name", "=", p.department)
      .executeTakeFirstOrThrow();
    // A person without a staff number cannot be registered.
    const bare = await db
      .insertInto("people")
      .values({ staff_no: null, name: unique("无工号"), unit: "" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await refused(
      db
        .insertInto("staff_register")
        .values({ ...row(bare.id, unique("S")), department_id: department.id })
        .execute(),
      "23503",
    );
    // Nor can a registered person lose theirs; a new number follows into the register.
    await refused(
      db.updateTable("people").set({ staff_no: null }).where("id", "=", person.personId).execute(),
      "23502",
    );
    const renumbered = unique("S");
    await db
      .updateTable("people")
      .set({ staff_no: renumbered })
      .where("id", "=", person.personId)
      .execute();
    expect((await registered(renumbered)).personId).toBe(person.personId);
    expect(await register.person(p.staffNo)).toBeNull();
  });

  it("checks every field it can: education, groups, grades, penalties", async () => {
    const p = registerPerson();
    await imported([p]);
    const set = (column: string, value: string) =>
      sql
        .raw(`update staff_register set ${column} = ${value} where staff_no = '${p.staffNo}'`)
        .execute(db);
    await refused(set("education", "'primary'"), "23514");
    await refused(set("voter_group", "'guests'"), "23514");
    await refused(set("sex", "'x'"), "23514");
    await refused(set("grassroots_years", "61"), "23514");
    await refused(set("review_grades", `'{"24": "excellent"}'`), "23514");
    await refused(set("review_grades", `'{"2024": "good"}'`), "23514");
    await refused(set("review_grades", "'[]'"), "23514");
    await refused(set("penalties", `'[{"kind": "fine", "from": "2024-01-01"}]'`), "23514");
    await refused(set("penalties", `'[{"kind": "warning", "from": "soon"}]'`), "23514");
    await refused(set("penalties", `'[{"kind": "warning"}]'`), "23514");
    await set("penalties", `'[{"kind": "removal", "from": "2024-01-01"}]'`);
    expect((await registered(p.staffNo)).penalties).toEqual([
      { kind: "removal", from: "2024-01-01" },
    ]);
  });

  it("a pair is stored once, smaller id first; the import log is never changed", async () => {
    const [a, b] = [registerPerson(), registerPerson()] as const;
    await imported([a, b], [{ from: a.staffNo, to: b.staffNo, relation: "spouse" }]);
    const ids = [(await registered(a.staffNo)).personId, (await registered(b.staffNo)).personId];
    const [lo, hi] = ids.sort() as [string, string];
    await refused(
      db
        .insertInto("staff_relationships")
        .values({ person_a: hi, person_b: lo, relation: "lineal" })
        .execute(),
      "23514",
    );
    await refused(
      db
        .insertInto("staff_relationships")
        .values({ person_a: lo, person_b: hi, relation: "lineal" })
        .execute(),
      "23505",
    );
    await refused(
      db
        .insertInto("staff_relationships")
        .values({ person_a: lo, person_b: hi, relation: "cousin" as never })
        .execute(),
      "23514",
    );
    await refused(sql`update register_imports set created = created`.execute(db), "JP004");
    await refused(sql`delete from register_imports`.execute(db), "JP004");
    await refused(
      sql`insert into register_imports (file_sha256, rows, created, updated, unchanged,
            relationships_added, relationships_changed, relationships_removed)
          values (${"a".repeat(64)}, 3, 1, 1, 0, 0, 0, 0)`.execute(db),
      "23514",
    );
  });
});

/** Fifty of the same write at once, on pool connections of their own as far as there are. */
const fifty = <T>(write: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: 50 }, (_, i) => write(i)));

describe("register records: fifty conflicting writes at once", () => {
  it("fifty imports of one file: each person once, one import creates, 49 find all unchanged", async () => {
    const people = Array.from({ length: 8 }, () => registerPerson({ department: unique("科室") }));
    const relations: Relationship[] = [
      { from: people[0]?.staffNo ?? "", to: people[1]?.staffNo ?? "", relation: "spouse" },
      { from: people[2]?.staffNo ?? "", to: people[3]?.staffNo ?? "", relation: "in-law" },
    ];
    const fileSha = sha();
    const results = await fifty(() => importFile(people, relations, fileSha));
    const counts = results.map((r) => (r.ok ? r.data : r.error));
    const first = {
      created: 8,
      updated: 0,
      unchanged: 0,
      relationships: { ...noRelationships, added: 2 },
    };
    const rest = { created: 0, updated: 0, unchanged: 8, relationships: noRelationships };
    expect(counts.filter((c) => JSON.stringify(c) === JSON.stringify(first))).toHaveLength(1);
    expect(counts.filter((c) => JSON.stringify(c) === JSON.stringify(rest))).toHaveLength(49);

    const staffNos = people.map((p) => p.staffNo);
    const rows = await db
      .selectFrom("people")
      .select("id")
      .where("staff_no", "in", staffNos)
      .execute();
    expect(rows).toHaveLength(8);
    const registeredRows = await db
      .selectFrom("staff_register")
      .select("person_id")
      .where("staff_no", "in", staffNos)
      .execute();
    expect(registeredRows).toHaveLength(8);
    const departments = await db
      .selectFrom("departments")
      .select("id")
      .where(
        "name",
        "in",
        people.map((p) => p.department),
      )
      .execute();
    expect(departments).toHaveLength(8);
    const pairs = (await register.relationships()).filter((r) => staffNos.includes(r.from));
    expect(pairs).toHaveLength(2);
    const log = await db
      .selectFrom("register_imports")
      .select(["created", "unchanged"])
      .where("file_sha256", "=", fileSha)
      .execute();
    expect(log).toHaveLength(50);
    expect(log.reduce((n, r) => n + r.created, 0)).toBe(8);
  });

  it("fifty imports of two versions of a file: taken in turn, their counts account for the end state", async () => {
    const v1 = Array.from({ length: 6 }, () => registerPerson({ grade: "一级科员" }));
    const v2 = v1.map((p) => ({ ...p, grade: "四级主任科员", grassrootsYears: 9 }));
    await imported(v1);
    const results = await fifty((i) => importFile(i % 2 === 0 ? v2 : v1));
    // Every import after the first of its kind in a row finds the register as the one before
    // left it: whole files alternate, so each import updates all six or none.
    for (const r of results) {
      if (!r.ok) throw new Error(r.error);
      expect([0, 6]).toContain(r.data.updated);
      expect(r.data.updated + r.data.unchanged).toBe(6);
    }
    const grades = new Set(
      (await Promise.all(v1.map((p) => registered(p.staffNo)))).map((p) => p.grade),
    );
    expect(grades.size).toBe(1);
    // In turn, each import that updated flipped the register from one version to the other:
    // it ends as v2 exactly when an odd number of them did.
    const flips = results.filter((r) => r.ok && r.data.updated === 6).length;
    expect([...grades]).toEqual([flips % 2 === 1 ? "四级主任科员" : "一级科员"]);
  });

  it("fifty hand edits creating one person: one created, 49 unchanged, one row", async () => {
    const p = registerPerson();
    const outcomes = await fifty(() => register.savePerson(p, auditFor(null, "register:edit")));
    expect(outcomes.filter((o) => o === "created")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "unchanged")).toHaveLength(49);
    const rows = await db
      .selectFrom("people")
      .select("id")
      .where("staff_no", "=", p.staffNo)
      .execute();
    expect(rows).toHaveLength(1);
  });
});
