/**
 * CSV as offices save it. Excel in China writes "CSV (逗号分隔)" in GB18030/GBK and
 * "CSV UTF-8" with a byte-order mark; other tools write UTF-8 without one; Excel's "Unicode
 * 文本" is UTF-16 with tabs. Fields follow RFC 4180: quoted with "", "" inside a quoted field
 * is one ", and a quoted field may hold the separator and line breaks.
 */

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  try {
    // The decoder drops a UTF-8 byte-order mark itself.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312, which Excel in China writes.
    return new TextDecoder("gb18030").decode(bytes);
  }
}

export type CsvRead =
  | { ok: true; rows: string[][] }
  | { ok: false; error: "badCsv"; line: number }
  | { ok: false; error: "tooManyRows" };

/** The separator of the first line: a comma unless tabs or semicolons are more frequent. */
function separatorOf(text: string): string {
  const end = text.search(/[\r\n]/);
  const first = (end === -1 ? text : text.slice(0, end)).replace(/"[^"]*"/g, "");
  const count = (c: string) => first.split(c).length - 1;
  const candidates = [",", "\t", ";"].map((c) => ({ c, n: count(c) }));
  const best = candidates.reduce((a, b) => (b.n > a.n ? b : a));
  return best.n > 0 ? best.c : ",";
}

/**
 * Records of the text, each a list of fields; `maxRecords` stops a huge file early. Lines
 * are counted as records: what Excel shows as row numbers when it opens the file.
 */
export function parseCsv(text: string, maxRecords: number): CsvRead {
  const sep = separatorOf(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteStart = 0;
  let i = 0;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = "";
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      quoteStart = rows.length + 1;
    } else if (ch === sep) {
      row.push(field);
      field = "";
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i += 1;
      endRecord();
      if (rows.length > maxRecords) return { ok: false, error: "tooManyRows" };
    } else field += ch; // a stray quote inside an unquoted field is kept as written
    i += 1;
  }
  if (quoted) return { ok: false, error: "badCsv", line: quoteStart };
  if (field !== "" || row.length > 0) endRecord();
  if (rows.length > maxRecords) return { ok: false, error: "tooManyRows" };
  return { ok: true, rows };
}
