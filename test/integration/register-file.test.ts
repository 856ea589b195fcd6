import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { readRegisterFile, registerTemplate } from "../../server/setup/register-file.ts";
import type { RegisterParse } from "../../shared/setup/staff-register.ts";

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
];

async function read(bytes: Uint8Array): Promise<RegisterParse> {
  const result = await readRegisterFile(bytes);
  if (!result.ok) throw new Error(`refused: ${result.error}`);
  return result.data;
}

const where = (data: RegisterParse) => data.problems.map((p) => [p.sheet, p.line, p.code]);

const excelDay = (y: number, m: number, d: number) =>
  (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("an .xlsx register", () => {
  const bytes = workbookBytes((wb) => {
    const lists = wb.addWorksheet("lists");
    lists.addRow(["not", "the", "register"]);
    lists.state = "hidden";
    const ws = wb.addWorksheet("2024年人员名册");
    ws.addRow(["××县应急管理局人员名册"]);
    ws.mergeCells("A1:F1");
    ws.addRow(HEADER);
    ws.addRow([
      1001, // a staff number typed as a number
      { richText: [{ text: "张", font: { bold: true } }, { text: "三" }] },
      "男",
      new Date(Date.UTC(1985, 2, 15)),
      "办公室",
      "办公室副主任",
      "四级主任科员",
      { formula: "DATE(2021,6,1)", result: new Date(Date.UTC(2021, 5, 1)) },
      excelDay(2008, 7, 1), // a date cell without a date format: the serial day
      { formula: "2+3", result: 5 },
      "本科",
      "称职",
      "优秀",
      "记过 2025-03-01",
      "中层干部",
    ]);
    ws.addRow([
      1002,
      "李四",
      "女",
      "1987/11/2",
      null,
      "",
      "一级科员",
      null,
      "2010-08-01",
      3,
      "研究生",
    ]);
    ws.getCell("O4").value = "一般干部职工";
    // The department written once for both rows, as offices merge it.
    ws.mergeCells("E3:E4");
    ws.getRow(6).values = [
      "A003",
      "王五",
      "男",
      "1990-02-30",
      "股室",
      "",
      "",
      "",
      "2012-01-01",
      0,
      "大专",
    ];
    ws.getCell("O6").value = "群众";
    const rel = wb.addWorksheet("亲属关系");
    rel.addRow(["工号", "姓名", "亲属工号", "亲属姓名", "关系"]);
    rel.addRow([1001, "张三", 1002, "李四", "夫妻"]);
    rel.addRow([1001, "", "A404", "", "夫妻"]);
    wb.addWorksheet("填写说明").addRow(["列名", "必填", "填写说明"]);
  });

  it("reads dates, numbers, rich text, formulas and merged cells, lines as Excel shows them", async () => {
    const data = await read(await bytes);
    expect(data.people).toEqual([
      {
        staffNo: "1001",
        name: "张三",
        sex: "male",
        birthDate: "1985-03-15",
        department: "办公室",
        currentPost: "办公室副主任",
        grade: "四级主任科员",
        gradeSince: "2021-06-01",
        workStart: "2008-07-01",
        grassrootsYears: 5,
        education: "bachelor",
        reviewGrades: { "2023": "competent", "2024": "excellent" },
        penalties: [{ kind: "demerit", from: "2025-03-01" }],
        voterGroup: "middle",
      },
      expect.objectContaining({
        staffNo: "1002",
        birthDate: "1987-11-02",
        department: "办公室",
        education: "master",
        grassrootsYears: 3,
        gradeSince: null,
        reviewGrades: {},
        voterGroup: "staff",
      }),
    ]);
    // The title row pushes the header to line 2; the empty row 5 still counts.
    expect(where(data)).toEqual([
      ["staff", 6, "badDate"],
      ["staff", 6, "unknownGroup"],
      ["relations", 3, "relationUnknownStaff"],
    ]);
    expect(data.relationships).toEqual([{ from: "1001", to: "1002", relation: "spouse" }]);
    expect(data.groupCounts).toEqual({ leaders: 0, middle: 1, staff: 1 });
  });

  it("reads the same file the same way twice", async () => {
    expect(await read(await bytes)).toEqual(await read(await bytes));
  });

  it("refuses a workbook without a register sheet, and bytes that are no workbook", async () => {
    const onlyNotes = await workbookBytes((wb) => wb.addWorksheet("填写说明").addRow(["x"]));
    expect(await readRegisterFile(onlyNotes)).toEqual({ ok: false, error: "noSheet" });
    const broken = new TextEncoder().encode("PK\u0003\u0004 this is not a zip archive");
    expect(await readRegisterFile(broken)).toEqual({ ok: false, error: "unreadable" });
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await readRegisterFile(ole)).toEqual({ ok: false, error: "legacyXls" });
  });
});

const CSV_ROWS = [
  HEADER.join(","),
  'A001,张三,男,1985-03-15,办公室,"副主任，兼""安全""员",四级主任科员,2021-06-01,2008-07-01,5,本科,称职,优秀,"记过 2025-03-01；警告 2024-01-10",中层干部',
  'A002,李四,女,1987/11/2,"安全\n监管股",,一级科员,,2010.8.1,3,硕士,合格,,,一般干部职工',
  "A003,,男,1990-01-01,股室,,,,2012-01-01,0,大专,,,,一般干部职工",
];
const CSV = `${CSV_ROWS.join("\r\n")}\r\n`;

describe("a .csv register", () => {
  it("reads UTF-8 with RFC 4180 quoting; a quoted line break stays in its record", async () => {
    const data = await read(new TextEncoder().encode(CSV));
    expect(data.people).toEqual([
      expect.objectContaining({
        staffNo: "A001",
        name: "张三",
        currentPost: '副主任，兼"安全"员',
        penalties: [
          { kind: "warning", from: "2024-01-10" },
          { kind: "demerit", from: "2025-03-01" },
        ],
      }),
      expect.objectContaining({
        staffNo: "A002",
        department: "安全 监管股",
        workStart: "2010-08-01",
        reviewGrades: { "2023": "competent" },
      }),
    ]);
    // Record 4 is on the fifth physical line; Excel shows it as row 4.
    expect(where(data)).toEqual([["staff", 4, "required"]]);
  });

  it("reads UTF-8 with a byte-order mark, and LF line ends, the same way", async () => {
    const plain = await read(new TextEncoder().encode(CSV));
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CSV)]);
    expect(await read(bom)).toEqual(plain);
    expect(await read(new TextEncoder().encode(CSV.replaceAll("\r\n", "\n")))).toEqual(plain);
  });

  it("reads GB18030 as Excel in China saves it", async () => {
    const ascii = (s: string) => [...new TextEncoder().encode(s)];
    // 张三 in GB18030 (and GBK): D5 C5 C8 FD — not valid UTF-8.
    const bytes = new Uint8Array([
      ...ascii(
        "Staff no.,Name,Sex,Date of birth,Department,Start of work,Education,Voter group\r\n",
      ),
      ...ascii("A001,"),
      ...[0xd5, 0xc5, 0xc8, 0xfd],
      ...ascii(",male,1985-03-15,Office,2008-07-01,bachelor,middle\r\n"),
    ]);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const data = await read(bytes);
    expect(data.problems).toEqual([]);
    expect(data.people.map((p) => [p.staffNo, p.name])).toEqual([["A001", "张三"]]);
  });

  it("reads Excel's Unicode text (UTF-16 with tabs)", async () => {
    const text = `\ufeff${CSV_ROWS.slice(0, 2)
      .map((r) => r.replaceAll(",", "\t"))
      .join("\r\n")}`;
    const data = await read(new Uint8Array(Buffer.from(text, "utf16le")));
    expect(data.problems).toEqual([]);
    expect(data.people.map((p) => [p.name, p.currentPost])).toEqual([
      ["张三", '副主任，兼"安全"员'],
    ]);
  });

  it("refuses an unclosed quote, naming the line where it opens", async () => {
    const bytes = new TextEncoder().encode(`${HEADER.join(",")}\r\nA001,"张三,男\r\nA002,李四\r\n`);
    expect(await readRegisterFile(bytes)).toEqual({
      ok: false,
      error: "badCsv",
      params: { line: 2 },
    });
  });

  it("refuses an empty file, a file over 2 MB and more than 5,000 people", async () => {
    expect(await readRegisterFile(new Uint8Array())).toEqual({ ok: false, error: "empty" });
    expect(await readRegisterFile(new TextEncoder().encode("\r\n  \r\n"))).toEqual({
      ok: false,
      error: "empty",
    });
    expect(await readRegisterFile(new Uint8Array(2 * 1024 * 1024 + 1).fill(0x41))).toEqual({
      ok: false,
      error: "tooLarge",
      params: { max: 2 },
    });
    const rows = (n: number) =>
      Array.from(
        { length: n },
        (_, i) => `B${i},某,男,1985-03-15,股室,,,,2008-07-01,0,本科,,,,一般干部职工`,
      );
    const at = (n: number) =>
      new TextEncoder().encode([HEADER.join(","), ...rows(n), ""].join("\r\n"));
    expect(await readRegisterFile(at(5001))).toEqual({
      ok: false,
      error: "tooManyRows",
      params: { max: 5000 },
    });
    const full = await read(at(5000));
    expect(full.problems).toEqual([]);
    expect(full.groupCounts.staff).toBe(5000);
  });
});

describe("the template", () => {
  it("is a workbook with the register, relatives and notes sheets that imports cleanly", async () => {
    const bytes = await registerTemplate("xlsx", 2026);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(["人员名册", "亲属关系", "填写说明"]);
    const sheet = wb.getWorksheet("人员名册");
    if (!sheet) throw new Error("no register sheet");
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual([
      ...HEADER.slice(0, 11),
      "2023年度考核",
      "2024年度考核",
      "2025年度考核",
      "处分",
      "投票分组",
    ]);
    const notes = wb.getWorksheet("填写说明");
    const explained = new Set<string>();
    notes?.eachRow((row) => {
      explained.add(String(row.getCell(1).value));
    });
    for (const h of header.filter((h) => !/年度考核$/.test(h))) expect(explained, h).toContain(h);
    const data = await read(bytes);
    expect(data.problems).toEqual([]);
    expect(data.people.map((p) => p.staffNo)).toEqual(["A001", "A002"]);
    expect(data.relationships).toEqual([{ from: "A001", to: "A002", relation: "spouse" }]);
  });

  it("is a UTF-8 CSV with a byte-order mark that imports cleanly", async () => {
    const bytes = await registerTemplate("csv", 2026);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const firstLine = bytes.toString("utf8").slice(1).split("\r\n")[0];
    expect(firstLine).toBe(
      [
        ...HEADER.slice(0, 11),
        "2023年度考核",
        "2024年度考核",
        "2025年度考核",
        "处分",
        "投票分组",
        "亲属关系",
      ].join(","),
    );
    const data = await read(bytes);
    expect(data.problems).toEqual([]);
    expect(data.relationships).toEqual([{ from: "A001", to: "A002", relation: "spouse" }]);
    expect(data.groupCounts).toEqual({ leaders: 0, middle: 1, staff: 1 });
  });
});
