import ExcelJS from "exceljs";
import {
  findHeaderRow,
  NOTES_SHEET_NAMES,
  normalizeHeader,
  RELATIONS_SHEET_NAMES,
} from "../../shared/setup/register-columns.ts";
import {
  parseRegisterRows,
  REGISTER_LIMITS,
  type RegisterFileError,
  type RegisterParse,
  type SheetRows,
} from "../../shared/setup/staff-register.ts";
import { decodeText, parseCsv } from "./register-csv.ts";

export { registerTemplate } from "./register-template.ts";

/**
 * An uploaded staff register (.xlsx or .csv) → its people, relationships and problems, for
 * the preview; nothing is saved here. The format is told by the bytes, not the name: an
 * .xlsx is a zip (PK\3\4), an old .xls or an encrypted workbook is an OLE2 container.
 */
export type RegisterFileResult =
  | { ok: true; data: RegisterParse }
  | { ok: false; error: RegisterFileError; params?: Record<string, number> };

type Grid = string[][];

export async function readRegisterFile(bytes: Uint8Array): Promise<RegisterFileResult> {
  if (bytes.length > REGISTER_LIMITS.bytes) {
    return { ok: false, error: "tooLarge", params: { max: REGISTER_LIMITS.bytes / 1024 / 1024 } };
  }
  if (bytes.every((b) => b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09)) {
    return { ok: false, error: "empty" };
  }
  const head = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (head(0xd0, 0xcf, 0x11, 0xe0)) return { ok: false, error: "legacyXls" };
  const sheets = head(0x50, 0x4b, 0x03, 0x04) ? await readWorkbook(bytes) : readCsv(bytes);
  if (!sheets.ok) return sheets;
  const { staff, relations } = sheets;
  const tooMany = [staff, relations].some(
    (sheet) => sheet && filled(sheet.rows) > REGISTER_LIMITS.rows,
  );
  if (tooMany) return { ok: false, error: "tooManyRows", params: { max: REGISTER_LIMITS.rows } };
  return {
    ok: true,
    data: parseRegisterRows(staff.header, staff.rows, {
      headerLine: staff.headerLine,
      ...(relations ? { relations } : {}),
    }),
  };
}

type Sheets =
  | { ok: true; staff: SheetRows; relations?: SheetRows }
  | { ok: false; error: RegisterFileError; params?: Record<string, number> };

const filled = (rows: Grid) => rows.filter((r) => r.some((cell) => cell.trim() !== "")).length;

/** The header row found, the rows under it, and its line as the file shows it. */
function split(grid: Grid, kind: "staff" | "relations"): SheetRows {
  const at = findHeaderRow(grid, kind);
  return { header: grid[at] ?? [], rows: grid.slice(at + 1), headerLine: at + 1 };
}

function readCsv(bytes: Uint8Array): Sheets {
  const text = decodeText(bytes);
  // A zero byte never occurs in text: this is some other binary file.
  if (text.includes("\u0000")) return { ok: false, error: "unreadable" };
  // Twice the row limit bounds the work on a huge file; blank rows are then not counted.
  const csv = parseCsv(text, REGISTER_LIMITS.rows * 2);
  if (!csv.ok) {
    return csv.error === "badCsv"
      ? { ok: false, error: "badCsv", params: { line: csv.line } }
      : { ok: false, error: "tooManyRows", params: { max: REGISTER_LIMITS.rows } };
  }
  return { ok: true, staff: split(csv.rows, "staff") };
}

async function readWorkbook(bytes: Uint8Array): Promise<Sheets> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, error: "unreadable" };
  }
  const visible = wb.worksheets.filter((ws) => ws.state === "visible");
  const named = (names: Set<string>) => (ws: ExcelJS.Worksheet) =>
    names.has(normalizeHeader(ws.name));
  // Hidden sheets hold lookup lists, not the register; but declared relatives are read even
  // from a hidden sheet, since ignoring them would silently drop avoidance data.
  const relationsSheet = wb.worksheets.find(named(RELATIONS_SHEET_NAMES));
  const staffSheet = visible.find((ws) => ws !== relationsSheet && !named(NOTES_SHEET_NAMES)(ws));
  if (!staffSheet) return { ok: false, error: "noSheet" };
  const staff = grid(staffSheet);
  if (staff === undefined)
    return { ok: false, error: "tooManyRows", params: { max: REGISTER_LIMITS.rows } };
  const relationsGrid = relationsSheet && grid(relationsSheet);
  if (relationsSheet && relationsGrid === undefined) {
    return { ok: false, error: "tooManyRows", params: { max: REGISTER_LIMITS.rows } };
  }
  return {
    ok: true,
    staff: split(staff, "staff"),
    ...(relationsGrid && filled(relationsGrid) > 0
      ? { relations: split(relationsGrid, "relations") }
      : {}),
  };
}

/**
 * A sheet as text rows, row n of the sheet at index n − 1 so that lines stay true across
 * empty rows; undefined when it holds more rows with values than the limit allows.
 */
function grid(ws: ExcelJS.Worksheet): Grid | undefined {
  const rows: Grid = [];
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    count += 1;
    if (count > REGISTER_LIMITS.rows * 2) return;
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    rows[rowNumber - 1] = Array.from(cells, (c) => c ?? "");
  });
  if (count > REGISTER_LIMITS.rows * 2) return undefined;
  return Array.from(rows, (r) => r ?? []);
}

/**
 * A cell's value as the register reads it: a date as YYYY-MM-DD (exceljs gives the day at
 * 00:00 UTC), a number as its digits, rich text joined, a formula's cached result, an error
 * as Excel shows it (#N/A), which then fails the column's check with the value visible.
 */
export function cellText(value: ExcelJS.CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return isoDay(value);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText(value.result);
  if ("error" in value) return value.error;
  if ("hyperlink" in value) return cellText(value.text as ExcelJS.CellValue);
  return "";
}

function isoDay(date: Date): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) return "";
  // A day stored as a float can land a millisecond before midnight; round to the second.
  return new Date(Math.round(ms / 1000) * 1000).toISOString().slice(0, 10);
}
