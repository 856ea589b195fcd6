/**
 * Calendar-date arithmetic on ISO dates (YYYY-MM-DD) with integers only. A birthday, a work
 * start or a penalty decision is a day, not an instant: going through `Date` would shift it
 * by the process's time zone (the tests run in Asia/Shanghai to catch that), so no `Date`
 * is used here.
 *
 * The inputs are trusted (zod's IsoDate checks them at the boundary); a malformed date is a
 * bug and throws.
 */

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function parseIsoDate(iso: string): CalendarDate {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const [year, month, day] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [0, 0, 0];
  if (!m || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RangeError(`not a calendar date: ${iso}`);
  }
  return { year, month, day };
}

export function formatIsoDate({ year, month, day }: CalendarDate): string {
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** -1, 0 or 1 as `a` is before, on or after `b`. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const x = parseIsoDate(a);
  const y = parseIsoDate(b);
  const d = x.year - y.year || x.month - y.month || x.day - y.day;
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function isBefore(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}

/**
 * The same day `months` later (or earlier, when negative). When the target month has no such
 * day, the result is that month's last day — 2025-01-31 + 1 month = 2025-02-28, 2024-02-29 +
 * 12 months = 2025-02-28 — as 民法典 Art. 202 ends a period without a corresponding day on
 * the month's last day, and as date libraries do. It never spills into the month after, so
 * a period of N months never ends later than the N-th calendar month.
 */
export function addMonths(iso: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`not a whole number of months: ${months}`);
  const { year, month, day } = parseIsoDate(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return formatIsoDate({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

export function addYears(iso: string, years: number): string {
  return addMonths(iso, 12 * years);
}

/**
 * Whole years from `from` to `to`: the largest n with from + n years ≤ to, so the
 * anniversary itself counts as the year reached (a person born 1980-06-01 is 46 on
 * 2026-06-01, and 45 the day before). Anniversaries follow addMonths: one of 02-29 falls on
 * 02-28 in a common year. 0 when `to` is before `from`.
 */
export function wholeYearsBetween(from: string, to: string): number {
  if (isBefore(to, from)) return 0;
  const years = parseIsoDate(to).year - parseIsoDate(from).year;
  return isBefore(to, addYears(from, years)) ? years - 1 : years;
}
