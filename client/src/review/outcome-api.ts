import { ERROR_CODES, type ErrorCode, type Result } from "../../../shared/errors.ts";
import type { ReviewOutcome } from "../../../shared/protocol/applications.ts";

/** The round of this page's address, /r/:roundId; null for any other. */
export function roundOfPath(pathname: string): string | null {
  const m = pathname.match(/^\/r\/([A-Za-z0-9_-]{1,40})\/?$/);
  return m?.[1] ?? null;
}

/** The published outcome: `review_not_closed` until the review closes. */
export async function fetchOutcome(roundId: string): Promise<Result<ReviewOutcome>> {
  let res: Response;
  try {
    res = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/review-outcome`, {
      cache: "no-store",
    });
  } catch {
    return { ok: false, error: "offline" };
  }
  try {
    const body = (await res.json()) as { ok?: boolean; data?: ReviewOutcome; error?: unknown };
    if (body.ok && body.data) return { ok: true, data: body.data };
    const known = ERROR_CODES.find((c) => c === body.error);
    return { ok: false, error: known ?? ("internal" as ErrorCode) };
  } catch {
    return { ok: false, error: "internal" };
  }
}
