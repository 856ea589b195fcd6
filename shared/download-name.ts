import { hallDate } from "./hall-time.ts";

/**
 * Names of downloaded files: the round's title and the hall's date of the lock, e.g.
 * 第二轮中层干部竞争上岗-2026-05-20.xlsx, so a folder of exports reads like a filing cabinet.
 */

/** Characters no file name may hold on Windows, macOS or Linux, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are the point
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
/** Names Windows reserves for devices, whatever the extension. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;
/** Long titles are cut: file systems allow 255 bytes and a CJK character takes 3. */
const TITLE_LIMIT = 60;

function safeStem(text: string): string {
  const cleaned = text
    .replace(ILLEGAL, " ")
    .replace(/\s+/g, " ")
    .trim()
    // A name ending in a dot or a space is silently renamed by Windows.
    .replace(/[. ]+$/, "");
  const short = [...cleaned].slice(0, TITLE_LIMIT).join("").trim();
  return RESERVED.test(short) ? `${short}_` : short;
}

/** e.g. 第二轮中层干部竞争上岗-2026-05-20.xlsx; the round id stands in for an empty title. */
export function downloadName(
  round: { id: string; title: string; lockedAt: string },
  ext: string,
): string {
  const stem = safeStem(round.title) || `jingpin-${round.id}`;
  const date = hallDate(round.lockedAt);
  return `${date ? `${stem}-${date}` : stem}.${ext}`;
}

/** A round file as the organizer saves it from a draft: 第二轮中层干部竞争上岗.json. */
export function roundFileName(round: { id: string; title: string }): string {
  return `${safeStem(round.title) || `jingpin-${round.id}`}.json`;
}

/** The same file's name in ASCII only, for clients that cannot read filename* (RFC 6266). */
export function asciiDownloadName(round: { id: string; lockedAt: string }, ext: string): string {
  const date = hallDate(round.lockedAt);
  return `jingpin-${round.id}${date ? `-${date}` : ""}.${ext}`;
}

/** RFC 5987 value: percent-encoded UTF-8, with the few characters encodeURIComponent keeps. */
function rfc5987(text: string): string {
  return encodeURIComponent(text).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="ascii"; filename*=UTF-8''…`: browsers pick the UTF-8 name. */
export function contentDisposition(name: string, asciiFallback: string): string {
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${rfc5987(name)}`;
}

/** The UTF-8 name of a Content-Disposition header, or the plain one, or null. */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1]);
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}
