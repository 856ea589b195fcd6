import { type Relation, type Relationship, StaffNo } from "./person.ts";
import { cleanName, cleanText, readRelation } from "./register-cells.ts";
import {
  columnLabel,
  matchRelationHeader,
  REQUIRED_RELATION_FIELDS,
  type RelationField,
} from "./register-columns.ts";
import type {
  RegisterIssue,
  RegisterParams,
  RegisterProblem,
  SheetRows,
} from "./staff-register.ts";

/**
 * Declared relationships between staff (亲属关系) in the register file: a workbook's
 * relatives sheet (one pair per row: 工号, 亲属工号, 关系, and the two names to check), or
 * the staff sheet's 亲属关系 column ("A002：夫妻；A003：直系血亲", the CSV form). Both are
 * resolved together once every staff number of the file is known.
 */

export type Sheet = RegisterIssue["sheet"];
export type Report = (
  sheet: Sheet,
  line: number,
  code: RegisterProblem,
  column?: string,
  params?: RegisterParams,
) => void;

/** A relationship as declared, resolved once every staff number of the file is known. */
export interface Declared {
  sheet: Sheet;
  line: number;
  from: string;
  to: string;
  relation: Relation;
  /** Header of the column that names `to`, and names to check, from the relatives sheet. */
  column?: string;
  fromColumn?: string;
  names?: { from?: string; fromColumn?: string; to?: string; toColumn?: string };
}

export interface RelationLayout {
  columns: Map<RelationField, number>;
  text: Map<RelationField, string>;
}

export function readRelationHeader(sheet: SheetRows, report: Report): RelationLayout | undefined {
  const line = sheet.headerLine ?? 1;
  const layout: RelationLayout = { columns: new Map(), text: new Map() };
  let failed = false;
  for (const [index, raw] of sheet.header.entries()) {
    const text = cleanText(raw);
    if (text === "") continue;
    const field = matchRelationHeader(text);
    if (!field) {
      report("relations", line, "unknownColumn", text);
      continue;
    }
    const first = layout.text.get(field);
    if (first !== undefined) {
      failed = true;
      report("relations", line, "duplicateColumn", text, { first });
      continue;
    }
    layout.text.set(field, text);
    layout.columns.set(field, index);
  }
  for (const field of REQUIRED_RELATION_FIELDS) {
    if (!layout.columns.has(field)) {
      failed = true;
      report("relations", line, "missingColumn", undefined, { column: columnLabel(field) });
    }
  }
  return failed ? undefined : layout;
}

export function readRelationRows(
  sheet: SheetRows,
  layout: RelationLayout,
  report: Report,
  declared: Declared[],
): void {
  const headerLine = sheet.headerLine ?? 1;
  sheet.rows.forEach((row, i) => {
    if (row.every((cell) => cleanText(cell) === "")) return;
    const line = headerLine + 1 + i;
    const head = (field: RelationField) => layout.text.get(field) ?? columnLabel(field);
    const cell = (field: RelationField) => {
      const index = layout.columns.get(field);
      return index === undefined ? "" : cleanText(row[index] ?? "");
    };
    let ok = true;
    const staffNos = (["staffNo", "relativeNo"] as const).map((field) => {
      const value = cell(field).normalize("NFKC");
      if (value === "") report("relations", line, "required", head(field));
      else if (!StaffNo.safeParse(value).success) {
        report("relations", line, "badStaffNo", head(field), { value });
      } else return value;
      ok = false;
      return "";
    });
    const word = cell("relation");
    const relation = word === "" ? undefined : readRelation(word);
    if (word === "") report("relations", line, "required", head("relation"));
    else if (!relation)
      report("relations", line, "unknownRelation", head("relation"), { value: word });
    if (!ok || !relation) return;
    declared.push({
      sheet: "relations",
      line,
      from: staffNos[0] ?? "",
      to: staffNos[1] ?? "",
      relation,
      fromColumn: head("staffNo"),
      column: head("relativeNo"),
      names: {
        from: cleanName(cell("name")),
        fromColumn: head("name"),
        to: cleanName(cell("relativeName")),
        toColumn: head("relativeName"),
      },
    });
  });
}

/**
 * Every declared pair must name two people of this register. The relation is symmetric for
 * avoidance, so A–B declared on both A's and B's rows is one relationship; declared twice
 * with two different relations, it is a problem.
 */
export function resolveRelationships(
  declared: Declared[],
  known: Map<string, number>,
  nameOf: Map<string, string>,
  report: Report,
): Relationship[] {
  const byPair = new Map<string, Relation>();
  const relationships: Relationship[] = [];
  for (const d of declared) {
    let ok = true;
    const check = (
      staffNo: string,
      column: string | undefined,
      name?: string,
      nameColumn?: string,
    ) => {
      if (!known.has(staffNo)) {
        ok = false;
        report(d.sheet, d.line, "relationUnknownStaff", column, { value: staffNo });
      } else if (name && nameOf.get(staffNo) !== name) {
        ok = false;
        report(d.sheet, d.line, "relationNameMismatch", nameColumn, {
          value: staffNo,
          name,
          registered: nameOf.get(staffNo) ?? "",
        });
      }
    };
    if (d.sheet === "relations") check(d.from, d.fromColumn, d.names?.from, d.names?.fromColumn);
    check(d.to, d.column, d.names?.to, d.names?.toColumn);
    if (!ok) continue;
    if (d.from === d.to) {
      report(d.sheet, d.line, "relationSelf", d.column, { value: d.to });
      continue;
    }
    const key = [d.from, d.to].sort().join(" ");
    const prior = byPair.get(key);
    if (prior === undefined) {
      byPair.set(key, d.relation);
      relationships.push({ from: d.from, to: d.to, relation: d.relation });
    } else if (prior !== d.relation) {
      report(d.sheet, d.line, "relationConflict", d.column, { value: d.from, other: d.to });
    }
  }
  return relationships;
}
