/**
 * Canonical JSON (scoring.md, "the round export"): object keys sorted by code point at every
 * level, no whitespace, strings and numbers as JSON.stringify writes them. The digest of an
 * export is taken over this text, so any two implementations must produce the same bytes.
 */

/**
 * Code point order. Plain `<` on strings compares UTF-16 units, which puts an astral
 * character (a surrogate pair, 0xD800–0xDFFF) before U+E000–U+FFFF; code point order puts it
 * after. Shifting the unit ranges fixes that without decoding the strings.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(path: string): string {
  return path === "" ? "the value" : path;
}

function write(value: unknown, path: string): string {
  if (value === null || typeof value === "boolean" || typeof value === "string") {
    return JSON.stringify(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      throw new TypeError(`canonicalJson: ${describe(path)} is ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => write(item, `${path}[${i}]`)).join(",")}]`;
  }
  if (typeof value === "object" && isPlainObject(value)) {
    const keys = Object.keys(value).sort(compareCodePoints);
    const members = keys.map((k) => `${JSON.stringify(k)}:${write(value[k], `${path}.${k}`)}`);
    return `{${members.join(",")}}`;
  }
  throw new TypeError(`canonicalJson: ${describe(path)} is not JSON (${typeof value})`);
}

/** Throws on undefined, NaN, ±Infinity, functions, bigints and non-plain objects. */
export function canonicalJson(value: unknown): string {
  return write(value, "");
}
