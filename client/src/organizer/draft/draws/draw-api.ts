import { filenameOf } from "../../../../../shared/download-name.ts";
import type { Result } from "../../../../../shared/errors.ts";
import type { Download } from "../../organizer-api.ts";

/** Where the projector shows a draw: the screen page in its draw mode, which needs no token. */
export function drawScreenUrl(roundId: string, drawId: number): string {
  return `/screen?draw=${encodeURIComponent(roundId)}/${drawId}`;
}

/** The drawn record as the file anyone may download (public: anyone may verify it). */
export async function fetchDrawFile(roundId: string, drawId: number): Promise<Result<Download>> {
  let res: Response;
  try {
    res = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/draws/${drawId}.json`);
  } catch {
    return { ok: false, error: "offline" };
  }
  if (!res.ok) return { ok: false, error: res.status === 409 ? "bad_state" : "internal" };
  const filename =
    filenameOf(res.headers.get("Content-Disposition")) ?? `jingpin-${roundId}-draw-${drawId}.json`;
  return { ok: true, data: { blob: await res.blob(), filename } };
}
