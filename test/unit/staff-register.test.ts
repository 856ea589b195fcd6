import { describe, expect, it } from "vitest";
import { register } from "../../shared/i18n/register.ts";
import type { Person } from "../../shared/setup/person.ts";
import {
  readDate,
  readEducation,
  readGroup,
  readPenalty,
  readReview,
  readSex,
} from "../../shared/setup/register-cells.ts";
import { matchStaffHeader } from "../../shared/setup/register-columns.ts";
import {
  isImportable,
  parseRegisterRows,
  REGISTER_FILE_ERRORS,
  REGISTER_PROBLEMS,
  type RegisterIssue,
  registerChanges,
  registerIssueMessage,
} from "../../shared/setup/staff-register.ts";

const HEADER = [
  "工号",
  "姓名",
  "性别",
  "出生日期",
  "部门",
  "现任职务",
  "职级",
  "任现职级时间",
  "参加工作时间",
  "基层工作年限",
  "学历",
  "2023年度考核",
  "2024年度考核",
  "处分",
  "投票分组",
  "亲属关系",
];

type Cells = Partial<Record<(typeof HEADER)[number], string>>;

/** A valid row, with some cells replaced. */
function row(staffNo: string, name: string, cells: Cells = {}): string[] {
  const base: Cells = {
    工号: staffNo,
    姓名: name,
    性别: "男",
    出生日期: "1985-03-15",
    部门: "办公室",
    现任职务: "",
    职级: "一级科员",
    任现职级时间: "2020-01-01",
    参加工作时间: "2008-07-01",
    基层工作年限: "3",
    学历: "本科",
    "2023年度考核": "称职",
    "2024年度考核": "优秀",
    处分: "",
    投票分组: "一般干部职工",
    亲属关系: "",
    ...cells,
  };
  return HEADER.map((h) => base[h] ?? "");
}

const codes = (problems: RegisterIssue[]) => problems.map((p) => [p.line, p.code, p.column]);

/** The translated sentence, filled from the problem's params the way shared/i18n fills them. */
function sentence(issue: RegisterIssue, lang: "zh" | "en"): string {
  const { at, problem } = registerIssueMessage(issue);
  const fill = (text: string, params: Record<string, string | number>) =>
    text.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
  const whole = register["register.issue"][lang];
  return fill(whole, {
    at: fill(register[at.key][lang], at.params),
    problem: fill(register[problem.key][lang], problem.params),
  });
}

describe("parseRegisterRows: good rows", () => {
  it("reads every column into a person, with relationships and counts per group", () => {
    const parsed = parseRegisterRows(HEADER, [
      row("A001", "张  三", {
        性别: "男",
        出生日期: "1985/3/5",
        部门: " 办公室 ",
        现任职务: "办公室副主任",
        职级: "四级主任科员",
        任现职级时间: "2021年6月1日",
        参加工作时间: "2008.7.1",
        基层工作年限: "5.5",
        学历: "大学本科",
        "2023年度考核": "合格",
        "2024年度考核": "不定等次",
        处分: "记过 2025-03-01；警告 2024-01-10",
        投票分组: "中层干部",
        亲属关系: "A002：夫妻",
      }),
      row("A002", "李四", {
        性别: "女",
        学历: "研究生",
        投票分组: "局领导班子",
        亲属关系: "A001:配偶",
      }),
      ["", " ", ""],
      row("A003", "王五", { 出生日期: "31778", 参加工作时间: "20100801", 基层工作年限: "" }),
    ]);
    expect(parsed.problems).toEqual([]);
    expect(parsed.people[0]).toEqual({
      staffNo: "A001",
      name: "张三",
      sex: "male",
      birthDate: "1985-03-05",
      department: "办公室",
      currentPost: "办公室副主任",
      grade: "四级主任科员",
      gradeSince: "2021-06-01",
      workStart: "2008-07-01",
      grassrootsYears: 5.5,
      education: "bachelor",
      reviewGrades: { "2023": "competent" },
      penalties: [
        { kind: "warning", from: "2024-01-10" },
        { kind: "demerit", from: "2025-03-01" },
      ],
      voterGroup: "middle",
    } satisfies Person);
    expect(parsed.people[1]).toMatchObject({
      sex: "female",
      education: "master",
      voterGroup: "leaders",
    });
    // An Excel serial day (31778 is 1987-01-01), a compact date, an empty grassroots cell.
    expect(parsed.people[2]).toMatchObject({
      birthDate: "1987-01-01",
      workStart: "2010-08-01",
      grassrootsYears: 0,
    });
    // Declared on both rows, the one symmetric pair is kept once.
    expect(parsed.relationships).toEqual([{ from: "A001", to: "A002", relation: "spouse" }]);
    expect(parsed.groupCounts).toEqual({ leaders: 1, middle: 1, staff: 1 });
    expect(isImportable(parsed)).toBe(true);
  });

  it("matches English headers, any column order, spaces, full-width brackets and notes", () => {
    const header = [
      "Voter group",
      "Name",
      " staff_no ",
      "出生日期（年月日）",
      "Sex",
      "部 门",
      "Start of work",
      "最高学历*",
      "2024 review",
      "备注",
    ];
    const parsed = parseRegisterRows(header, [
      [
        "middle",
        "Li Si",
        "B7",
        "1990-02-03",
        "female",
        "办公室",
        "2012-09-01",
        "master",
        "excellent",
        "x",
      ],
    ]);
    expect(codes(parsed.problems)).toEqual([[1, "unknownColumn", "备注"]]);
    expect(parsed.problems[0]?.level).toBe("warning");
    expect(parsed.people).toEqual([
      expect.objectContaining({
        staffNo: "B7",
        name: "Li Si",
        sex: "female",
        education: "master",
        reviewGrades: { "2024": "excellent" },
        voterGroup: "middle",
        currentPost: "",
        gradeSince: null,
        penalties: [],
      }),
    ]);
    expect(isImportable(parsed)).toBe(true);
  });

  it("counts lines from the header's own line when a title sits above it", () => {
    const parsed = parseRegisterRows(HEADER, [row("A001", "")], { headerLine: 3 });
    expect(codes(parsed.problems)).toEqual([[4, "required", "姓名"]]);
  });

  it("gives the same result for the same rows (re-importing changes nothing)", () => {
    const rows = [row("A001", "张三", { 处分: "警告 2024-01-10" }), row("A002", "李四")];
    const first = parseRegisterRows(HEADER, rows);
    const again = parseRegisterRows(
      HEADER,
      rows.map((r) => [...r]),
    );
    expect(again).toEqual(first);
    expect(registerChanges(first.people, again.people)).toEqual({
      added: [],
      updated: [],
      unchanged: ["A001", "A002"],
      absent: [],
    });
    const changed = parseRegisterRows(HEADER, [
      row("A001", "张三", { 部门: "财务股" }),
      row("A003", "赵六"),
    ]);
    expect(registerChanges(first.people, changed.people)).toEqual({
      added: ["A003"],
      updated: ["A001"],
      unchanged: [],
      absent: ["A002"],
    });
  });
});

describe("parseRegisterRows: every problem with its line", () => {
  it("names both lines of a duplicate staff number", () => {
    const parsed = parseRegisterRows(HEADER, [
      row("A001", "张三"),
      row("A002", "李四"),
      row("A001", "王五"),
    ]);
    expect(parsed.problems).toEqual([
      {
        sheet: "staff",
        line: 4,
        column: "工号",
        code: "duplicateStaffNo",
        params: { column: "工号", value: "A001", firstLine: 2 },
        level: "error",
      },
    ]);
    expect(sentence(parsed.problems[0] as RegisterIssue, "zh")).toBe(
      "第 4 行：工号“A001”与第 2 行重复",
    );
    expect(parsed.people.map((p) => p.staffNo)).toEqual(["A001", "A002"]);
    expect(isImportable(parsed)).toBe(false);
  });

  it("reports empty names, wrong dates, unknown groups and the rest on their lines", () => {
    const parsed = parseRegisterRows(HEADER, [
      row("A001", ""), // 2
      row("A002", "李四", { 出生日期: "2024-02-30" }), // 3
      row("A003", "王五", { 投票分组: "群众" }), // 4
      row("A 4", "赵六"), // 5
      row("A005", "钱七", { 性别: "未知" }), // 6
      row("A006", "孙八", { 出生日期: "1985.03" }), // 7
      row("A007", "周九", { 参加工作时间: "1980-01-01" }), // 8
      row("A008", "吴十", { 基层工作年限: "七十" }), // 9
      row("A009", "郑一", { 学历: "小学生" }), // 10
      row("A010", "王二", { "2023年度考核": "良好" }), // 11
      row("A011", "冯三", { 处分: "记过" }), // 12
      row("A012", "陈四", { 亲属关系: "A001" }), // 13
      row("A013", "褚五", { 亲属关系: "A001：朋友" }), // 14
      row("A014", "卫六", { 亲属关系: "A999：夫妻" }), // 15
      row("A015", "蒋七", { 亲属关系: "A015：夫妻" }), // 16
      row("A016", "沈八", { 亲属关系: "A001：夫妻" }), // 17
      row("A001x", "韩九", { 部门: "" }), // 18
      row("", "杨十", { 职级: "级".repeat(61) }), // 19
      row("A017", "朱一", { 处分: Array(21).fill("警告 2024-01-01").join("；") }), // 20
      row("A018", "秦二", { 任现职级时间: "2001-01-01" }), // 21
      row("A019", "尤三", { 亲属关系: "A016：直系血亲" }), // 22
    ]);
    expect(codes(parsed.problems)).toEqual([
      [2, "required", "姓名"],
      [3, "badDate", "出生日期"],
      [4, "unknownGroup", "投票分组"],
      [5, "badStaffNo", "工号"],
      [6, "badSex", "性别"],
      [7, "dateWithoutDay", "出生日期"],
      [8, "dateOrder", "参加工作时间"],
      [9, "badYears", "基层工作年限"],
      [10, "unknownEducation", "学历"],
      [11, "badReview", "2023年度考核"],
      [12, "badPenalty", "处分"],
      [13, "badRelation", "亲属关系"],
      [14, "unknownRelation", "亲属关系"],
      [18, "required", "部门"],
      [19, "required", "工号"],
      [19, "tooLong", "职级"],
      [20, "tooManyPenalties", "处分"],
      [21, "dateOrder", "任现职级时间"],
      // Relationships are checked once every staff number of the file is known.
      [15, "relationUnknownStaff", "亲属关系"],
      [16, "relationSelf", "亲属关系"],
    ]);
    const at = (line: number) => parsed.problems.find((p) => p.line === line) as RegisterIssue;
    expect(at(3).params).toEqual({ column: "出生日期", value: "2024-02-30" });
    expect(at(4).params).toEqual({ column: "投票分组", value: "群众" });
    expect(at(8).params).toEqual({ column: "参加工作时间", other: "出生日期" });
    expect(at(15).params).toEqual({ column: "亲属关系", value: "A999" });
    expect(sentence(at(2), "zh")).toBe("第 2 行：“姓名”不能为空");
    expect(sentence(at(4), "zh")).toBe(
      "第 4 行：不认识的投票分组“群众”，可填局领导班子、中层干部或一般干部职工",
    );
    expect(sentence(at(3), "en")).toBe(
      'Line 3: "出生日期": "2024-02-30" is not a valid date; write it as 2024-01-05, 2024/1/5 or 2024年1月5日',
    );
    // Every sentence gets all its placeholders from the problem's params, in both languages.
    for (const p of parsed.problems) {
      expect(sentence(p, "zh"), p.code).not.toMatch(/\{\w+\}/);
      expect(sentence(p, "en"), p.code).not.toMatch(/\{\w+\}/);
    }
    // A16–A001 (spouse) stands; A019–A016 is fine; only the rows without problems are people.
    expect(parsed.relationships).toEqual([
      { from: "A016", to: "A001", relation: "spouse" },
      { from: "A019", to: "A016", relation: "lineal" },
    ]);
    expect(parsed.people.map((p) => p.staffNo)).toEqual(["A014", "A015", "A016", "A019"]);
  });

  it("reports a relation given twice, differently", () => {
    const parsed = parseRegisterRows(HEADER, [
      row("A001", "张三", { 亲属关系: "A002：夫妻" }),
      row("A002", "李四", { 亲属关系: "A001：近姻亲" }),
    ]);
    expect(codes(parsed.problems)).toEqual([[3, "relationConflict", "亲属关系"]]);
    expect(parsed.problems[0]?.params).toEqual({
      column: "亲属关系",
      value: "A002",
      other: "A001",
    });
  });

  it("refuses a header without a required column, a repeated column, or no known column", () => {
    const noName = parseRegisterRows(
      HEADER.filter((h) => h !== "姓名"),
      [row("A001", "张三")],
    );
    expect(noName.problems).toEqual([
      expect.objectContaining({ line: 1, code: "missingColumn", params: { column: "姓名" } }),
    ]);
    expect(noName.people).toEqual([]);
    const twice = parseRegisterRows([...HEADER, "Name", "2023年考核"], [row("A001", "张三")]);
    expect(codes(twice.problems)).toEqual([
      [1, "duplicateColumn", "Name"],
      [1, "duplicateColumn", "2023年考核"],
    ]);
    expect(twice.problems[1]?.params).toEqual({ column: "2023年考核", first: "2023年度考核" });
    const none = parseRegisterRows(["a", "b"], [["1", "2"]]);
    expect(none.problems.map((p) => p.code)).toEqual([
      "unknownColumn",
      "unknownColumn",
      "noHeader",
    ]);
    expect(isImportable(none)).toBe(false);
  });

  it("refuses a sheet with a header and no staff", () => {
    const parsed = parseRegisterRows(HEADER, [["", ""], []]);
    expect(codes(parsed.problems)).toEqual([[1, "noRows", undefined]]);
    expect(isImportable(parsed)).toBe(false);
  });
});

describe("the relatives sheet", () => {
  const staff = [row("A001", "张三"), row("A002", "李四"), row("A003", "王五")];
  const relHeader = ["工号", "姓名", "亲属工号", "亲属姓名", "关系"];

  it("adds its pairs to those of the column and checks staff numbers and names", () => {
    const parsed = parseRegisterRows(HEADER, staff, {
      relations: {
        header: relHeader,
        rows: [
          ["A001", "张三", "A002", "李四", "夫妻"], // 2
          ["A001", "", "A003", "", "兄弟"], // 3
          ["A001", "", "A404", "", "夫妻"], // 4
          ["A002", "李 四", "A003", "王六", "近姻亲"], // 5
          ["A003", "", "", "", "同学"], // 6
          ["A002", "", "A001", "", "配偶"], // 7: the same pair as line 2
        ],
      },
    });
    expect(codes(parsed.problems)).toEqual([
      [6, "required", "亲属工号"],
      [6, "unknownRelation", "关系"],
      [4, "relationUnknownStaff", "亲属工号"],
      [5, "relationNameMismatch", "亲属姓名"],
    ]);
    expect(parsed.problems.every((p) => p.sheet === "relations")).toBe(true);
    expect(parsed.problems[3]?.params).toEqual({
      column: "亲属姓名",
      value: "A003",
      name: "王六",
      registered: "王五",
    });
    expect(sentence(parsed.problems[2] as RegisterIssue, "zh")).toBe(
      "“亲属关系”表第 4 行：亲属关系中的工号“A404”不在名册中",
    );
    expect(parsed.relationships).toEqual([
      { from: "A001", to: "A002", relation: "spouse" },
      { from: "A001", to: "A003", relation: "collateral" },
    ]);
  });

  it("needs its three columns", () => {
    const parsed = parseRegisterRows(HEADER, staff, {
      relations: { header: ["工号", "关系", "说明"], rows: [["A001", "夫妻", ""]], headerLine: 2 },
    });
    expect(codes(parsed.problems)).toEqual([
      [2, "unknownColumn", "说明"],
      [2, "missingColumn", undefined],
    ]);
    expect(parsed.problems[1]?.params).toEqual({ column: "亲属工号" });
  });
});

describe("cell normalisation", () => {
  it.each([
    ["2024-01-05", "2024-01-05"],
    ["2024/1/5", "2024-01-05"],
    ["2024.1.5", "2024-01-05"],
    ["2024年1月5日", "2024-01-05"],
    ["2024 年 1 月 5 日", "2024-01-05"],
    ["２０２４－０１－０５", "2024-01-05"],
    ["20240105", "2024-01-05"],
    ["45296", "2024-01-05"],
    ["2024/1/5 0:00", "2024-01-05"],
    ["2024-01-05T00:00:00Z", "2024-01-05"],
  ])("reads the date %s", (text, date) => {
    expect(readDate(text)).toEqual({ ok: true, date });
  });

  it.each([
    ["2024-02-30", "badDate"],
    ["2023-02-29", "badDate"],
    ["2024-13-01", "badDate"],
    ["1899-12-31", "badDate"],
    ["abc", "badDate"],
    ["123", "badDate"],
    ["1985", "dateWithoutDay"],
    ["1985.03", "dateWithoutDay"],
    ["1985年3月", "dateWithoutDay"],
  ])("refuses the date %s", (text, error) => {
    expect(readDate(text)).toEqual({ ok: false, error });
  });

  it("reads sex, education, grades and groups by label, synonym and id", () => {
    expect(["男", "男性", "M", "male", "Male"].map(readSex)).toEqual(Array(5).fill("male"));
    expect(["女", "female", "女性"].map(readSex)).toEqual(Array(3).fill("female"));
    expect(readSex("未知")).toBeUndefined();
    const education = {
      高中: "high-school",
      高中及以下: "high-school",
      初中: "high-school",
      中专: "technical",
      大专: "college",
      专科: "college",
      本科: "bachelor",
      大学: "bachelor",
      在职本科: "bachelor",
      "本科（学士）": "bachelor",
      大学本科学历: "bachelor",
      硕士: "master",
      研究生: "master",
      硕士研究生: "master",
      博士: "doctor",
      博士研究生: "doctor",
      bachelor: "bachelor",
    };
    for (const [text, level] of Object.entries(education))
      expect(readEducation(text), text).toBe(level);
    expect(readEducation("小学生")).toBeUndefined();
    const grades = {
      优秀: "excellent",
      称职: "competent",
      合格: "competent",
      基本称职: "basic",
      基本合格: "basic",
      不称职: "incompetent",
      不合格: "incompetent",
      excellent: "excellent",
    };
    for (const [text, grade] of Object.entries(grades)) expect(readReview(text), text).toBe(grade);
    expect(["", "不定等次", "未定等次"].map(readReview)).toEqual([null, null, null]);
    expect(readReview("良好")).toBeUndefined();
    expect(["局领导班子", "领导班子", "leaders"].map(readGroup)).toEqual(Array(3).fill("leaders"));
    expect(["中层干部", "中层", "middle"].map(readGroup)).toEqual(Array(3).fill("middle"));
    expect(["一般干部职工", "一般干部", "staff"].map(readGroup)).toEqual(Array(3).fill("staff"));
    expect(readGroup("群众")).toBeUndefined();
  });

  it("reads a penalty with its kind and date in either order", () => {
    expect(readPenalty("记过 2025-03-01")).toEqual({ kind: "demerit", from: "2025-03-01" });
    expect(readPenalty("记大过（2025年3月1日）")).toEqual({
      kind: "major-demerit",
      from: "2025-03-01",
    });
    expect(readPenalty("2024.1.10 警告")).toEqual({ kind: "warning", from: "2024-01-10" });
    expect(readPenalty("政务降级：2023/5/6")).toEqual({ kind: "demotion", from: "2023-05-06" });
    expect(readPenalty("撤职处分 2022-01-01")).toEqual({ kind: "removal", from: "2022-01-01" });
    expect(readPenalty("记过")).toBeUndefined();
    expect(readPenalty("开除 2025-03-01")).toBeUndefined();
    expect(readPenalty("记过 2025-02-30")).toBeUndefined();
  });

  it("recognises review columns by year in the usual spellings", () => {
    for (const h of [
      "2023年度考核",
      "2023年考核",
      "2023 年度考核结果",
      "年度考核2023",
      "2023 review",
      "Review 2023",
    ]) {
      expect(matchStaffHeader(h), h).toEqual({ review: "2023" });
    }
    expect(matchStaffHeader("考核")).toBeUndefined();
  });
});

describe("the register's texts", () => {
  it("have a sentence for every problem and file error, zh with full-width punctuation", () => {
    const keys = [
      ...REGISTER_PROBLEMS.map((c) => `register.problem.${c}`),
      ...REGISTER_FILE_ERRORS.map((c) => `register.file.${c}`),
    ];
    for (const key of keys) expect(Object.keys(register), key).toContain(key);
    const halfWidth = /(?<![A-Za-z0-9])[,;:?!()]|[,;:?!()](?![A-Za-z0-9])/;
    const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, { zh, en }] of Object.entries(register)) {
      expect(zh, key).not.toMatch(halfWidth);
      expect(names(en), key).toEqual(names(zh));
    }
  });
});
