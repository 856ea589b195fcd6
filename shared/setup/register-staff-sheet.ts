import { PENALTY_KINDS, type Penalty, Person, type ReviewGrade, StaffNo } from "./person.ts";
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
import type { Declared, Report } from "./register-relations.ts";
import type { RegisterParams, RegisterProblem } from "./staff-register.ts";

/**
 * The staff sheet of the register file: its header (which column holds which field) and
 * each row as a person. A row's relatives column is only collected here; the pairs are
 * checked once every staff number of the file is known (register-relations.ts).
 */

const MAX_PENALTIES = 20;

export interface StaffLayout {
  columns: Map<StaffField, number>;
  reviews: Map<string, number>;
  /** The file's header text of each column, for the messages. */
  text: Map<StaffField | `review:${string}`, string>;
}

export function readStaffHeader(
  header: string[],
  line: number,
  report: Report,
): StaffLayout | undefined {
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

/** What the rows read so far leave for the next ones and for the relationships. */
export interface StaffSeen {
  /** Each valid staff number and the first line it is on. */
  firstLine: Map<string, number>;
  nameOf: Map<string, string>;
  declared: Declared[];
}

/** One row → a person, or undefined with its problems reported. */
export function readPerson(
  row: string[],
  line: number,
  layout: StaffLayout,
  report: Report,
  { firstLine, nameOf, declared }: StaffSeen,
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
    const known = read(value);
    if (known === undefined) fail(code, field, { value });
    return known;
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
  const numbered = ok;
  const name = text("name", 120, cleanName);
  if (numbered) {
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
    else if (numbered) {
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
