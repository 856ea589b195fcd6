import { ERROR_CODES, type ErrorCode, type Result } from "../../../shared/errors.ts";
import type { PublicAnnouncement } from "../../../shared/protocol/posts.ts";

/**
 * The round's published announcement, as anyone may read it (no credential). A network
 * failure is "offline"; a reply that is not ours, "internal".
 */
export async function fetchAnnouncement(roundId: string): Promise<Result<PublicAnnouncement>> {
  let res: Response;
  try {
    res = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/announcement`, {
      cache: "no-cache",
    });
  } catch {
    return { ok: false, error: "offline" };
  }
  try {
    const body = (await res.json()) as Result<PublicAnnouncement> | { ok: false; error: unknown };
    if (body.ok) return body;
    const known = ERROR_CODES.find((c) => c === body.error);
    return { ok: false, error: known ?? "internal" };
  } catch {
    return { ok: false, error: "internal" satisfies ErrorCode };
  }
}

/** The round named by the page's path, /a/<roundId>; null when the path names none. */
export function roundFromPath(pathname: string): string | null {
  const match = /^\/a\/([A-Za-z0-9_-]{1,40})\/?$/.exec(pathname);
  return match?.[1] ?? null;
}
