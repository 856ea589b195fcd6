import { canonicalJson } from "../../../shared/canonical-json.ts";
import type { ErrorCode, Result } from "../../../shared/errors.ts";
import type { RoundExport } from "../../../shared/round-export.ts";
import { sha256Hex } from "../../../shared/sha256.ts";
import { ORGANIZER_TOKEN_KEY } from "../lib/link-token.ts";
import { readStored } from "../lib/storage.ts";
import { type Download, fetchExport } from "../organizer/organizer-api.ts";

/**
 * The credentials this browser already holds that may read a round's export: the organizer's
 * sign-in, then the chair and observer links (stored by /chair and /observer, see
 * chair/chair-link.ts). The sheet is opened from those pages, so one of them is there.
 */
export function storedTokens(): string[] {
  const keys = [ORGANIZER_TOKEN_KEY, "jingpin.chair", "jingpin.observer"];
  return [...new Set(keys.map(readStored).filter((t): t is string => Boolean(t)))];
}

export interface LoadedExport {
  file: RoundExport;
  /** The file exactly as the server sent it (canonical JSON) and named it, for the download. */
  download: Download;
  /** The token that was accepted, for the Excel download. */
  token: string;
  /** The digest matches the data: what is printed is what was locked. */
  digestOk: boolean;
}

/** scoring.md: the digest is the SHA-256 of the canonical JSON of the file without it. */
function digestMatches(file: RoundExport): boolean {
  const { digest, ...rest } = file;
  return sha256Hex(canonicalJson(rest)) === digest;
}

/** A stale sign-in or another round's link is refused; the next credential may still do. */
const TRY_NEXT: ErrorCode[] = ["unauthorized", "forbidden"];

/**
 * The locked round's export, with the first stored credential the server accepts.
 * `bad_state` means the round is not locked yet.
 */
export async function loadExport(roundId: string, tokens: string[]): Promise<Result<LoadedExport>> {
  let last: ErrorCode = "unauthorized";
  for (const token of tokens) {
    const res = await fetchExport(roundId, token, "json");
    if (!res.ok) {
      last = res.error;
      if (TRY_NEXT.includes(res.error)) continue;
      return res;
    }
    try {
      const file = JSON.parse(await res.data.blob.text()) as RoundExport;
      return { ok: true, data: { file, download: res.data, token, digestOk: digestMatches(file) } };
    } catch {
      return { ok: false, error: "internal" };
    }
  }
  return { ok: false, error: last };
}
