/**
 * A witness's numbers as the organizer types them from the witness's sheet: dice faces or a
 * longer number, separated by spaces, commas or 、. RFC 3797 writes each number in decimal
 * without leading zeros, so a number typed with them is read as its value, and the digits
 * counted are those of the key (docs/draw.md).
 */
export type NumbersProblem = "notNumber" | "tooLong";

export type ParsedNumbers =
  | { ok: true; numbers: number[]; digits: number }
  | { ok: false; problem: NumbersProblem; token: string };

/** Whole numbers up to 15 digits stay exact in JavaScript (Number.MAX_SAFE_INTEGER has 16). */
const MAX_DIGITS = 15;

export function parseNumbers(text: string): ParsedNumbers {
  const tokens = text.split(/[\s,，、;；]+/).filter((s) => s !== "");
  const numbers: number[] = [];
  for (const token of tokens) {
    // Full-width digits (from a Chinese input method) are the same digits.
    const ascii = token.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
    if (!/^[0-9]+$/.test(ascii)) return { ok: false, problem: "notNumber", token };
    const bare = ascii.replace(/^0+(?=\d)/, "");
    if (bare.length > MAX_DIGITS) return { ok: false, problem: "tooLong", token };
    numbers.push(Number(bare));
  }
  const digits = numbers.reduce((sum, n) => sum + String(n).length, 0);
  return { ok: true, numbers, digits };
}
