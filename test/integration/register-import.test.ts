// The staff register through its routes (issue 8, item 2): the template, a preview of an
// upload with every row's problems, an all-or-nothing import that a second import of the
// same file leaves as it was, a changed row updating that person, and hand edits.
import { describe, expect, it } from "vitest";
import type { RegisterPreview } from "../../shared/protocol/index.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const HEADER =
  "工号,姓名,性别,出生日期,部门,现任职务,职级,任现职级时间,参加工作时间,基层工作年限,学历,2024年度考核,2025年度考核,处分,投票分组,亲属关系";
const ROWS = [
  "A001,张三,男,1985-03-15,办公室,办公室副主任,四级主任科员,2021-06-01,2008-07-01,5,本科,称职,优秀,,中层干部,A002：夫妻",
  "A002,李四,女,1987-11-02,安全监管股,,一级科员,2019-12-01,2010-08-01,3,硕士研究生,称职,称职,警告 2023-05-10,一般干部职工,",
  "A003,王五,男,1979-01-20,局领导,副局长,二级调研员,2018-03-01,1999-07-01,10,大专,优秀,优秀,,局领导班子,",
];
const csv = (rows: string[]) => Buffer.from(`\uFEFF${[HEADER, ...rows].join("\r\n")}\r\n`);

async function post(path: string, body: Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${t.organizerToken}`, ...headers },
    body,
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function preview(file: Buffer): Promise<RegisterPreview> {
  const res = await post("/api/register/preview", file);
  expect(res.status).toBe(200);
  return (res.body as { data: RegisterPreview }).data;
}

async function importFile(file: Buffer, sha256?: string) {
  const sha = sha256 ?? (await preview(file)).fileSha256;
  return post("/api/register/import", file, { "x-file-sha256": sha });
}

async function people() {
  const organizer = await t.client(t.organizerToken);
  return expectOk(await call(organizer, "people:list", {}));
}

describe("the staff register", () => {
  it("serves its templates to the organizer only, and the csv template reads back clean", async () => {
    for (const [ext, type] of [
      ["xlsx", "spreadsheetml"],
      ["csv", "text/csv"],
    ] as const) {
      const res = await fetch(`${t.url}/api/register/template.${ext}`, {
        headers: { authorization: `Bearer ${t.organizerToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain(type);
      const bytes = Buffer.from(await res.arrayBuffer());
      const checked = await preview(bytes);
      expect(checked.problems.filter((p) => p.level === "error")).toEqual([]);
      expect(checked.importable).toBe(true);
    }
    const anonymous = await fetch(`${t.url}/api/register/template.csv`);
    expect(anonymous.status).toBe(401);
    const noToken = await fetch(`${t.url}/api/register/preview`, { method: "POST", body: "x" });
    expect(noToken.status).toBe(401);
  });

  it("previews, imports all at once, and a second import of the same file changes nothing", async () => {
    const file = csv(ROWS);
    const seen = await preview(file);
    expect(seen).toMatchObject({
      people: 3,
      importable: true,
      groupCounts: { leaders: 1, middle: 1, staff: 1 },
      changes: { added: ["A001", "A002", "A003"], updated: [], unchanged: 0, absent: 0 },
    });
    // The file's database is shared by its tests: this one runs first.
    expect(await people()).toMatchObject({ people: [] });

    const wrongSha = await importFile(file, "0".repeat(64));
    expect(wrongSha).toMatchObject({ status: 422, body: { reason: "changedSincePreview" } });
    expect((await people()).people).toEqual([]);

    const first = await importFile(file);
    expect(first.body).toMatchObject({ ok: true, data: { created: 3, updated: 0, unchanged: 0 } });
    const listed = await people();
    expect(listed.people.map((p) => p.staffNo).sort()).toEqual(["A001", "A002", "A003"]);
    // A relationship is one pair, whichever way round it is listed.
    expect(listed.relationships).toHaveLength(1);
    expect(listed.relationships[0]?.relation).toBe("spouse");
    expect([listed.relationships[0]?.from, listed.relationships[0]?.to].sort()).toEqual([
      "A001",
      "A002",
    ]);
    expect(listed.groupCounts).toEqual({ leaders: 1, middle: 1, staff: 1 });
    expect(listed.people.find((p) => p.staffNo === "A002")).toMatchObject({
      name: "李四",
      sex: "female",
      education: "master",
      reviewGrades: { "2024": "competent", "2025": "competent" },
      penalties: [{ kind: "warning", from: "2023-05-10" }],
    });

    expect((await preview(file)).changes).toMatchObject({ added: [], unchanged: 3 });
    const again = await importFile(file);
    expect(again.body).toMatchObject({ ok: true, data: { created: 0, updated: 0, unchanged: 3 } });
    expect((await people()).people).toEqual(listed.people);

    // One changed row updates that person only.
    const changed = csv([ROWS[0] ?? "", (ROWS[1] ?? "").replace("李四", "李思"), ROWS[2] ?? ""]);
    expect((await preview(changed)).changes).toMatchObject({ updated: ["A002"], unchanged: 2 });
    const third = await importFile(changed);
    expect(third.body).toMatchObject({ ok: true, data: { created: 0, updated: 1, unchanged: 2 } });
    expect((await people()).people.find((p) => p.staffNo === "A002")?.name).toBe("李思");

    const trail = await t.db
      .selectFrom("audit_entries")
      .select("body")
      .where("round_id", "is", null)
      .execute();
    const actions = trail.map((e) => JSON.parse(e.body).action);
    expect(actions.filter((a) => a === "register:import")).toHaveLength(3);
  });

  it("names every bad row's line and reason, and saves nothing of a file that has one", async () => {
    const bad = csv([
      ROWS[0] ?? "",
      "A002,,女,1987-11-02,安全监管股,,一级科员,2019-12-01,2010-08-01,3,本科,称职,称职,,一般干部职工,",
      "A003,王五,男,1979-02-30,局领导,副局长,二级调研员,2018-03-01,1999-07-01,10,大专,优秀,优秀,,局领导班子,",
      "A004,赵六,男,1990-01-01,办公室,,科员,2019-12-01,2012-08-01,0,本科,称职,称职,,外聘人员,",
      "A001,钱七,女,1991-01-01,办公室,,科员,2019-12-01,2013-08-01,0,本科,称职,称职,,一般干部职工,",
    ]);
    const before = (await people()).people;
    const seen = await preview(bad);
    expect(seen.importable).toBe(false);
    const found = seen.problems
      .filter((p) => p.level === "error")
      .map((p) => `${p.line} ${p.code}`)
      .sort();
    // Line 1 is the header: the empty name is on line 3, and so on.
    expect(found).toEqual(["3 required", "4 badDate", "5 unknownGroup", "6 duplicateStaffNo"]);
    const refused = await importFile(bad, seen.fileSha256);
    expect(refused).toMatchObject({ status: 422, body: { reason: "hasProblems" } });
    expect((await people()).people).toEqual(before);

    const broken = await post("/api/register/preview", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1]));
    expect(broken).toMatchObject({ status: 422, body: { reason: "legacyXls" } });
    const huge = await post("/api/register/preview", Buffer.alloc(3 * 1024 * 1024, 0x41));
    expect(huge).toMatchObject({ status: 422, body: { reason: "tooLarge" } });
  });

  it("adds and edits a person by hand", async () => {
    const organizer = await t.client(t.organizerToken);
    const person = {
      staffNo: "B100",
      name: "孙八",
      sex: "male" as const,
      birthDate: "1982-05-20",
      department: "法规股",
      currentPost: "股长",
      grade: "三级主任科员",
      gradeSince: "2020-01-01",
      workStart: "2004-07-01",
      grassrootsYears: 6,
      education: "bachelor" as const,
      reviewGrades: { "2025": "excellent" as const },
      penalties: [],
      voterGroup: "middle" as const,
    };
    expect(expectOk(await call(organizer, "person:save", { person }))).toEqual({
      outcome: "created",
    });
    expect(expectOk(await call(organizer, "person:save", { person }))).toEqual({
      outcome: "unchanged",
    });
    const edited = { ...person, currentPost: "副股长" };
    expect(expectOk(await call(organizer, "person:save", { person: edited }))).toEqual({
      outcome: "updated",
    });
    expect((await people()).people.find((p) => p.staffNo === "B100")?.currentPost).toBe("副股长");
    const invalid = { ...person, birthDate: "1982-02-30" };
    expect(await call(organizer, "person:save", { person: invalid })).toEqual({
      ok: false,
      error: "invalid_payload",
    });
  });
});
