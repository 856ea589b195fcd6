import { canonicalJson } from "../canonical-json.ts";
import type { register } from "../i18n/register.ts";
import { type Person, type Relationship, VOTER_GROUPS, type VoterGroup } from "./person.ts";
import { cleanText } from "./register-cells.ts";
import {
  type Declared,
  type Report,
  readRelationHeader,
  readRelationRows,
  resolveRelationships,
} from "./register-relations.ts";
import { readPerson, readStaffHeader } from "./register-staff-sheet.ts";

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
    const person = readPerson(row, line, layout, report, { firstLine, nameOf, declared });
    if (person) people.push(person);
  });
  if (filled === 0) report("staff", headerLine, "noRows");
  if (options.relations && relationLayout) {
    readRelationRows(options.relations, relationLayout, report, declared);
  }
  return result(people, resolveRelationships(declared, firstLine, nameOf, report));
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
