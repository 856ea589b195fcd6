import { type Locale, translate } from "./i18n/index.ts";

/**
 * Times for people are shown on the hall's clock, China Standard Time (UTC+8, no daylight
 * saving), with the zone named, whatever zone the viewer's device or the server runs in.
 * Files keep ISO 8601 UTC (round files, exports, audit entries); only display converts.
 * Intl with an explicit timeZone works the same in Node and in every browser we serve.
 */
const HALL_TIME_ZONE = "Asia/Shanghai";

const PARTS = new Intl.DateTimeFormat("en-US", {
  timeZone: HALL_TIME_ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

interface HallParts {
  date: string;
  minutes: string;
  seconds: string;
}

/** Null for a text that is not a time (a hand-edited export may carry anything). */
function hallParts(iso: string | Date): HallParts | null {
  const instant = typeof iso === "string" ? new Date(iso) : iso;
  if (Number.isNaN(instant.getTime())) return null;
  const parts = PARTS.formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? "";
  const minutes = `${get("hour")}:${get("minute")}`;
  return {
    date: `${get("year")}-${get("month")}-${get("day")}`,
    minutes,
    seconds: `${minutes}:${get("second")}`,
  };
}

/** The hall's calendar date, e.g. 2026-05-20 (for file names); "" for what is not a time. */
export function hallDate(iso: string | Date): string {
  return hallParts(iso)?.date ?? "";
}

interface HallTimeOptions {
  /** Leave out the date (a log of one day). */
  date?: boolean;
  seconds?: boolean;
  /** Leave out the zone where a heading already names it (a column of times). */
  zone?: boolean;
}

/** e.g. "2026-05-20 18:42（北京时间）" or "2026-05-20 18:42 (UTC+8)". */
export function hallTime(iso: string | Date, locale: Locale, options: HallTimeOptions = {}) {
  const p = hallParts(iso);
  if (!p) return String(iso);
  const clock = options.seconds ? p.seconds : p.minutes;
  const time = options.date === false ? clock : `${p.date} ${clock}`;
  return options.zone === false ? time : translate(locale, "time.hall", { time });
}
