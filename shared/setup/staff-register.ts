import { canonicalJson } from "../canonical-json.ts";
import type { register } from "../i18n/register.ts";
import {
  PENALTY_KINDS,
  type Penalty,
  Person,
  type Relationship,
  type ReviewGrade,
  StaffNo,
  VOTER_GROUPS,
  type VoterGroup,
} from "./person.ts";
import {
  cleanName,
  cleanText,
  readDate,
  readEducation,
  readGroup,
  readPenalty,
  readRelation,
  readReview,
  readSex,
  readYears,
  splitEntries,
  splitRelationEntry,
} from "./register-cells.ts";
import {
  columnLabel,
  matchStaffHeader,
  REQUIRED_STAFF_FIELDS,
  type StaffField,
} from "./register-columns.ts";
import {
  type Declared,
  type Report,
  readRelationHeader,
  readRelationRows,
  resolveRelationships,
} from "./register-relations.ts";

/**
 * The staff register (人员名册) read from a file's rows into people and their declared
 * relationships, with every problem found on the way, so that the organizer sees the whole
 * list (line and reason) in a preview before anything is saved. The import is all or
 * nothing: any problem of level "error" refuses the file; a "warning" (an unknown column)
 * does not. Parsing is deterministic, so the same file gives the same people each time.
 */

/** What can be wrong, each with a sentence `register.problem.<code>` in shared/i18n/register.ts. */
export const REGISTER_PROBLEMS = [
  "noHeader",
  "missingColumn",
  "duplicateColumn",
  "unknownColumn",
  "noRows",
  "required",
  "tooLong",
  "badStaffNo",
  "duplicateStaffNo",
  "badSex",
  "badDate",
  "dateWithoutDay",
  "dateOrder",
  "badYears",
  "unknownEducation",
  "badReview",
  "badPenalty",
  "tooManyPenalties",
  "unknownGroup",
  "badRelation",
  "unknownRelation",
  "relationUnknownStaff",
  "relationSelf",
  "relationConflict",
  "relationNameMismatch",
  "invalid",
] as const;
export type RegisterProblem = (typeof REGISTER_PROBLEMS)[number];

/** Problems that are shown but do not refuse the file. */
export const REGISTER_WARNINGS: ReadonlySet<RegisterProblem> = new Set(["unknownColumn"]);

/** Why a file was refused before its rows were read, each with `register.file.<code>`. */
export const REGISTER_FILE_ERRORS = [
  "tooLarge",
  "tooManyRows",
  "empty",
  "unreadable",
  "legacyXls",
  "noSheet",
  "badCsv",
] as const;
export type RegisterFileError = (typeof REGISTER_FILE_ERRORS)[number];

/** A county bureau has tens to hundreds of staff: the limits only stop a wrong or hostile file. */
export const REGISTER_LIMITS = { bytes: 2 * 1024 * 1024, rows: 5000 } as const;
const MAX_PENALTIES = 20;

export type RegisterParams = Record<string, string | number>;

export interface RegisterIssue {
  /** The staff sheet, or the relatives sheet of a workbook. */
  sheet: "staff" | "relations";
  /** The line (row) number as the file shows it: the first line of the file is 1. */
  line: number;
  /** The header of the column as the file writes it; also in `params.column`. */
  column?: string;
  code: RegisterProblem;
  params: RegisterParams;
  level: "error" | "warning";
}

export interface RegisterParse {
  /** The rows without problems, in file order. */
  people: Person[];
  relationships: Relationship[];
  problems: RegisterIssue[];
  /** People per voter group: the default number of ballot cards per group. */
  groupCounts: Record<VoterGroup, number>;
}

export interface SheetRows {
  header: string[];
  rows: string[][];
  /** The line of the header (a title above it pushes it down); 1 when omitted. */
  headerLine?: number;
}

export interface ParseOptions {
  headerLine?: number;
  /** A workbook's relatives sheet (亲属关系): 工号, 亲属工号, 关系. */
  relations?: SheetRows;
}

export function parseRegisterRows(
  header: string[],
  rows: string[][],
  options: ParseOptions = {},
): RegisterParse {
  const problems: RegisterIssue[] = [];
  const report: Report = (sheet, line, code, column, params = {}) => {
    problems.push({
      sheet,
      line,
      ...(column === undefined ? {} : { column }),
      code,
      params: column === undefined ? params : { column, ...params },
      level: REGISTER_WARNINGS.has(code) ? "warning" : "error",
    });
  };
  const result = (people: Person[], relationships: Relationship[]): RegisterParse => ({
    people,
    relationships,
    problems,
    groupCounts: countGroups(people),
  });

  const headerLine = options.headerLine ?? 1;
  const layout = readStaffHeader(header, headerLine, report);
  const relationLayout = options.relations
    ? readRelationHeader(options.relations, report)
    : undefined;
  if (!layout || (options.relations && !relationLayout)) return result([], []);

  const people: Person[] = [];
  const firstLine = new Map<string, number>();
  const nameOf = new Map<string, string>();
  const declared: Declared[] = [];
  let filled = 0;
  rows.forEach((row, i) => {
    if (row.every((cell) => cleanText(cell) === "")) return;
    filled += 1;
    const line = headerLine + 1 + i;
    const person = readPerson(row, line, layout, report, firstLine, nameOf, declared);
    if (person) people.push(person);
  });
  if (filled === 0) report("staff", headerLine, "noRows");
  if (options.relations && relationLayout) {
    readRelationRows(options.relations, relationLayout, report, declared);
  }
  return result(people, resolveRelationships(declared, firstLine, nameOf, report));
}

interface StaffLayout {
  columns: Map<StaffField, number>;
  reviews: Map<string, number>;
  /** The file's header text of each column, for the messages. */
  text: Map<StaffField | `review:${string}`, string>;
}

function readStaffHeader(header: string[], line: number, report: Report): StaffLayout | undefined {
  const layout: StaffLayout = { columns: new Map(), reviews: new Map(), text: new Map() };
  let failed = false;
  for (const [index, raw] of header.entries()) {
    const text = cleanText(raw);
    if (text === "") continue;
    const match = matchStaffHeader(text);
    if (!match) {
      report("staff", line, "unknownColumn", text);
      continue;
    }
    const key = "field" in match ? match.field : (`review:${match.review}` as const);
    const first = layout.text.get(key);
    if (first !== undefined) {
      failed = true;
      report("staff", line, "duplicateColumn", text, { first });
      continue;
    }
    layout.text.set(key, text);
    if ("field" in match) layout.columns.set(match.field, index);
    else layout.reviews.set(match.review, index);
  }
  if (layout.text.size === 0) {
    report("staff", line, "noHeader");
    return undefined;
  }
  for (const field of REQUIRED_STAFF_FIELDS) {
    if (!layout.columns.has(field)) {
      failed = true;
      report("staff", line, "missingColumn", undefined, { column: columnLabel(field) });
    }
  }
  // Rows read under a wrong header give one problem per row and hide the real one.
  return failed ? undefined : layout;
}

function readPerson(
  row: string[],
  line: number,
  layout: StaffLayout,
  report: Report,
  firstLine: Map<string, number>,
  nameOf: Map<string, string>,
  declared: Declared[],
): Person | undefined {
  let ok = true;
  const head = (field: StaffField) => layout.text.get(field) ?? columnLabel(field);
  const raw = (field: StaffField) => {
    const index = layout.columns.get(field);
    return index === undefined ? "" : (row[index] ?? "");
  };
  const fail = (code: RegisterProblem, field: StaffField, params?: RegisterParams) => {
    ok = false;
    report("staff", line, code, head(field), params);
  };
  const text = (field: StaffField, max: number, clean = cleanText) => {
    const value = clean(raw(field));
    if (value === "" && REQUIRED_STAFF_FIELDS.includes(field)) fail("required", field);
    else if (value.length > max) fail("tooLong", field, { max });
    return value;
  };
  const coded = <T>(
    field: StaffField,
    read: (s: string) => T | undefined,
    code: RegisterProblem,
  ) => {
    const value = cleanText(raw(field));
    if (value === "") return void fail("required", field);
    const read_ = read(value);
    if (read_ === undefined) fail(code, field, { value });
    return read_;
  };
  const date = (field: StaffField) => {
    const value = cleanText(raw(field));
    if (value === "") {
      if (REQUIRED_STAFF_FIELDS.includes(field)) fail("required", field);
      return null;
    }
    const read = readDate(value);
    if (read.ok) return read.date;
    fail(read.error, field, { value });
    return null;
  };

  const staffNo = raw("staffNo").normalize("NFKC").trim();
  if (staffNo === "") fail("required", "staffNo");
  else if (!StaffNo.safeParse(staffNo).success) fail("badStaffNo", "staffNo", { value: staffNo });
  else if (firstLine.has(staffNo)) {
    fail("duplicateStaffNo", "staffNo", { value: staffNo, firstLine: firstLine.get(staffNo) ?? 0 });
  }
  const known = ok;
  const name = text("name", 120, cleanName);
  if (known) {
    firstLine.set(staffNo, line);
    nameOf.set(staffNo, name);
  }
  const sex = coded("sex", readSex, "badSex");
  const birthDate = date("birthDate");
  const department = text("department", 120);
  const currentPost = text("currentPost", 120);
  const grade = text("grade", 60);
  const gradeSince = date("gradeSince");
  const workStart = date("workStart");
  const yearsText = cleanText(raw("grassrootsYears"));
  const grassrootsYears = yearsText === "" ? 0 : readYears(yearsText);
  if (grassrootsYears === undefined) fail("badYears", "grassrootsYears", { value: yearsText });
  const education = coded("education", readEducation, "unknownEducation");
  const voterGroup = coded("voterGroup", readGroup, "unknownGroup");

  const reviewGrades: Record<string, ReviewGrade> = {};
  for (const [year, index] of layout.reviews) {
    const value = cleanText(row[index] ?? "");
    const grade = readReview(value);
    if (grade === undefined) {
      ok = false;
      report("staff", line, "badReview", layout.text.get(`review:${year}`), { value });
    } else if (grade !== null) reviewGrades[year] = grade;
  }

  const penalties: Penalty[] = [];
  const penaltyEntries = splitEntries(raw("penalties"));
  for (const entry of penaltyEntries) {
    const penalty = readPenalty(entry);
    if (penalty) penalties.push(penalty);
    else fail("badPenalty", "penalties", { value: entry });
  }
  if (penaltyEntries.length > MAX_PENALTIES) {
    fail("tooManyPenalties", "penalties", { count: penaltyEntries.length, max: MAX_PENALTIES });
  }
  penalties.sort(
    (a, b) =>
      a.from.localeCompare(b.from) || PENALTY_KINDS.indexOf(a.kind) - PENALTY_KINDS.indexOf(b.kind),
  );

  if (birthDate && workStart && workStart <= birthDate) {
    fail("dateOrder", "workStart", { other: head("birthDate") });
  }
  if (workStart && gradeSince && gradeSince < workStart) {
    fail("dateOrder", "gradeSince", { other: head("workStart") });
  }

  for (const entry of splitEntries(raw("relations"))) {
    const split = splitRelationEntry(entry);
    const relation = split && readRelation(split.word);
    if (!split) fail("badRelation", "relations", { value: entry });
    else if (!relation) fail("unknownRelation", "relations", { value: split.word });
    else if (known) {
      declared.push({
        sheet: "staff",
        line,
        from: staffNo,
        to: split.staffNo,
        relation,
        column: head("relations"),
      });
    }
  }

  if (!ok) return undefined;
  const parsed = Person.safeParse({
    staffNo,
    name,
    sex,
    birthDate,
    department,
    currentPost,
    grade,
    gradeSince,
    workStart,
    grassrootsYears,
    education,
    reviewGrades,
    penalties,
    voterGroup,
  });
  if (parsed.success) return parsed.data;
  // Every field was checked above; this only guards the contract should the two drift apart.
  const field = String(parsed.error.issues[0]?.path[0] ?? "staffNo") as StaffField;
  report("staff", line, "invalid", head(field));
  return undefined;
}

function countGroups(people: Person[]): Record<VoterGroup, number> {
  const counts = Object.fromEntries(VOTER_GROUPS.map((g) => [g, 0])) as Record<VoterGroup, number>;
  for (const p of people) counts[p.voterGroup] += 1;
  return counts;
}

/** True when nothing but warnings was found: the file may be saved. */
export function isImportable(parse: RegisterParse): boolean {
  return parse.problems.every((p) => p.level === "warning") && parse.people.length > 0;
}

/**
 * What saving the file would do, by staff number: a person is updated only when some field
 * differs, so importing the same file again changes nothing. People of the store that the
 * file leaves out are listed apart; the file does not remove them.
 */
export function registerChanges(existing: readonly Person[], incoming: readonly Person[]) {
  const before = new Map(existing.map((p) => [p.staffNo, canonicalJson(p)]));
  const changes = { added: [] as string[], updated: [] as string[], unchanged: [] as string[] };
  for (const p of incoming) {
    const old = before.get(p.staffNo);
    if (old === undefined) changes.added.push(p.staffNo);
    else if (old === canonicalJson(p)) changes.unchanged.push(p.staffNo);
    else changes.updated.push(p.staffNo);
  }
  const inFile = new Set(incoming.map((p) => p.staffNo));
  return { ...changes, absent: existing.map((p) => p.staffNo).filter((s) => !inFile.has(s)) };
}

type RegisterKey = keyof typeof register;

/** A problem as two dictionary entries: where (`register.at.*`) and what (`register.problem.*`). */
export function registerIssueMessage(issue: RegisterIssue): {
  at: { key: RegisterKey; params: RegisterParams };
  problem: { key: RegisterKey; params: RegisterParams };
} {
  return {
    at: {
      key: issue.sheet === "staff" ? "register.at.line" : "register.at.relationLine",
      params: { line: issue.line },
    },
    problem: { key: `register.problem.${issue.code}`, params: issue.params },
  };
}
