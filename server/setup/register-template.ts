import ExcelJS from "exceljs";
import { register } from "../../shared/i18n/register.ts";
import {
  EDUCATION_LEVELS,
  RELATIONS,
  REVIEW_GRADES,
  VOTER_GROUPS,
} from "../../shared/setup/person.ts";
import {
  columnLabel,
  RELATION_FIELDS,
  REQUIRED_RELATION_FIELDS,
  REQUIRED_STAFF_FIELDS,
  STAFF_FIELDS,
  type StaffField,
} from "../../shared/setup/register-columns.ts";

/**
 * The register template the organizer downloads: the header row in the order the import
 * documents, two example people (fictitious; the second exists so that the example
 * relationship names someone of the register), and, in the workbook, the relatives sheet,
 * drop-down lists for the coded columns and a notes sheet explaining each column. The
 * template is a Chinese document like the register it stands for.
 */

const zh = (key: keyof typeof register) => register[key].zh;

type Column = { field: StaffField } | { review: string };

/** The three years before `year`: the common "last three annual reviews" condition. */
function columnsFor(year: number, format: "xlsx" | "csv"): Column[] {
  const before: Column[] = [];
  const after: Column[] = [];
  for (const field of STAFF_FIELDS) {
    // The workbook declares relatives on its own sheet; CSV, a single table, in a column.
    if (field === "relations" && format === "xlsx") continue;
    (STAFF_FIELDS.indexOf(field) <= STAFF_FIELDS.indexOf("education") ? before : after).push({
      field,
    });
  }
  const reviews = [3, 2, 1].map((back) => ({ review: String(year - back) }));
  return [...before, ...reviews, ...after];
}

const header = (c: Column) =>
  "field" in c ? columnLabel(c.field) : columnLabel("review", c.review);

const EXAMPLES: Record<StaffField, string>[] = [
  {
    staffNo: "A001",
    name: "张三",
    sex: zh("register.sex.male"),
    birthDate: "1985-03-15",
    department: "办公室",
    currentPost: "办公室副主任",
    grade: "四级主任科员",
    gradeSince: "2021-06-01",
    workStart: "2008-07-01",
    grassrootsYears: "5",
    education: zh("register.education.bachelor"),
    penalties: "",
    voterGroup: zh("register.group.middle"),
    relations: `A002：${zh("register.relation.spouse")}`,
  },
  {
    staffNo: "A002",
    name: "李四",
    sex: zh("register.sex.female"),
    birthDate: "1987-11-02",
    department: "安全监管股",
    currentPost: "",
    grade: "一级科员",
    gradeSince: "2019-12-01",
    workStart: "2010-08-01",
    grassrootsYears: "3",
    education: zh("register.education.master"),
    penalties: `${zh("register.penalty.warning")} 2023-05-10`,
    voterGroup: zh("register.group.staff"),
    relations: "",
  },
];
const EXAMPLE_REVIEWS = [
  ["register.grade.competent", "register.grade.excellent", "register.grade.competent"],
  ["register.grade.competent", "register.grade.competent", "register.grade.excellent"],
] as const;

function exampleRows(columns: Column[]): string[][] {
  return EXAMPLES.map((person, i) =>
    columns.map((c) => {
      if ("field" in c) return person[c.field];
      const back = columns.filter((x) => "review" in x).indexOf(c);
      return zh(EXAMPLE_REVIEWS[i]?.[back] ?? "register.grade.competent");
    }),
  );
}

export async function registerTemplate(
  format: "xlsx" | "csv",
  year = new Date().getFullYear(),
): Promise<Buffer> {
  const columns = columnsFor(year, format);
  const rows = [columns.map(header), ...exampleRows(columns)];
  if (format === "csv") return csvBytes(rows);
  return workbook(columns, rows);
}

/** UTF-8 with a byte-order mark, which tells Excel the encoding; CRLF as RFC 4180 has it. */
function csvBytes(rows: string[][]): Buffer {
  const field = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const text = rows.map((r) => r.map(field).join(",")).join("\r\n");
  return Buffer.from(`\ufeff${text}\r\n`, "utf8");
}

const TEMPLATE_ROWS = 1000;

function styleHeader(ws: ExcelJS.Worksheet): void {
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF1E3E4" } };
  });
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.columns.forEach((column) => {
    column.width = 16;
  });
}

/**
 * exceljs types only the per-cell validation, and its writer merges per-cell ones into
 * overlapping ranges (it sorts C10 before C2), which Excel repairs on opening; its sheet
 * model takes one validation over a whole range, written as that range.
 */
type RangeValidations = {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
};

/** A drop-down of the labels a coded column takes, over the rows a unit fills in. */
function dropDown(ws: ExcelJS.Worksheet, col: number, labels: string[]): void {
  const letter = ws.getColumn(col).letter;
  (ws as unknown as RangeValidations).dataValidations.add(
    `${letter}2:${letter}${TEMPLATE_ROWS + 1}`,
    {
      type: "list",
      allowBlank: true,
      formulae: [`"${labels.join(",")}"`],
    },
  );
}

/** The labels a coded column takes (the import accepts more synonyms than these). */
function choices(c: Column): string[] | undefined {
  if ("review" in c) return REVIEW_GRADES.map((g) => zh(`register.grade.${g}`));
  if (c.field === "sex") return [zh("register.sex.male"), zh("register.sex.female")];
  if (c.field === "education") return EDUCATION_LEVELS.map((e) => zh(`register.education.${e}`));
  if (c.field === "voterGroup") return VOTER_GROUPS.map((g) => zh(`register.group.${g}`));
  return undefined;
}

async function workbook(columns: Column[], rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Jingpin 竞聘";
  const ws = wb.addWorksheet(zh("register.sheet.staff"));
  for (const r of rows) ws.addRow(r);
  styleHeader(ws);
  columns.forEach((c, i) => {
    const labels = choices(c);
    if (labels) dropDown(ws, i + 1, labels);
    // Text, so that Excel keeps the leading zeros of a staff number such as 0012.
    if ("field" in c && c.field === "staffNo") ws.getColumn(i + 1).numFmt = "@";
  });

  const rel = wb.addWorksheet(zh("register.sheet.relations"));
  rel.addRow(RELATION_FIELDS.map((f) => columnLabel(f)));
  rel.addRow(["A001", "张三", "A002", "李四", zh("register.relation.spouse")]);
  styleHeader(rel);
  rel.getColumn(1).numFmt = "@";
  rel.getColumn(3).numFmt = "@";
  dropDown(
    rel,
    RELATION_FIELDS.indexOf("relation") + 1,
    RELATIONS.map((r) => zh(`register.relation.${r}`)),
  );

  const notes = wb.addWorksheet(zh("register.sheet.notes"));
  notes.addRow([zh("register.notes.general")]);
  notes.addRow([]);
  notes.addRow([
    zh("register.notes.column"),
    zh("register.notes.required"),
    zh("register.notes.explain"),
  ]);
  notes.getRow(3).font = { bold: true };
  const yes = zh("register.notes.yes");
  const no = zh("register.notes.no");
  for (const field of STAFF_FIELDS) {
    notes.addRow([
      columnLabel(field),
      REQUIRED_STAFF_FIELDS.includes(field) ? yes : no,
      zh(`register.note.${field}`),
    ]);
    if (field === "education") {
      notes.addRow([columnLabel("review", "2024"), no, zh("register.note.review")]);
    }
  }
  notes.addRow([]);
  notes.addRow([zh("register.sheet.relations"), "", zh("register.note.relationsSheet")]);
  for (const field of RELATION_FIELDS) {
    notes.addRow([columnLabel(field), REQUIRED_RELATION_FIELDS.includes(field) ? yes : no, ""]);
  }
  notes.getColumn(1).width = 18;
  notes.getColumn(2).width = 8;
  notes.getColumn(3).width = 90;
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  notes.getCell(1, 1).alignment = { wrapText: true, vertical: "top" };
  notes.mergeCells(1, 1, 1, 3);
  notes.getRow(1).height = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
