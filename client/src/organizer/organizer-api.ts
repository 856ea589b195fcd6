import { filenameOf } from "../../../shared/download-name.ts";
import { ERROR_CODES, type ErrorCode, type Result } from "../../../shared/errors.ts";

type Failure = { ok: false; error: ErrorCode; retryAfter?: number };

/**
 * The organizer's two HTTP calls (everything else goes over the socket). Failures come
 * back as error codes; a network failure is "offline" and an unexpected reply "internal".
 */
async function request(url: string, init: RequestInit): Promise<Response | Failure> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    return { ok: false, error: "offline" };
  }
  if (res.ok) return res;
  try {
    const body = (await res.json()) as { error?: unknown; retryAfter?: unknown };
    const known = ERROR_CODES.find((c) => c === body.error);
    if (known && typeof body.retryAfter === "number") {
      return { ok: false, error: known, retryAfter: body.retryAfter };
    }
    if (known) return { ok: false, error: known };
  } catch {
    // Not our JSON (a proxy's error page, say): fall through.
  }
  return { ok: false, error: res.status === 401 ? "unauthorized" : "internal" };
}

export async function login(passphrase: string): Promise<Result<{ token: string }>> {
  const res = await request("/api/login", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ passphrase }),
  });
  if (!(res instanceof Response)) return res;
  try {
    return (await res.json()) as Result<{ token: string }>;
  } catch {
    return { ok: false, error: "internal" };
  }
}

export interface Download {
  blob: Blob;
  /** As the server names it: the round's title and the date of the lock. */
  filename: string;
}

/**
 * The locked round's export: the JSON file anyone can recount from, or the same results as an
 * Excel workbook for the paperwork. The server answers bad_state until the lock.
 */
export async function fetchExport(
  roundId: string,
  token: string,
  format: "json" | "xlsx",
): Promise<Result<Download>> {
  const suffix = format === "xlsx" ? ".xlsx" : "";
  const res = await request(`/api/rounds/${encodeURIComponent(roundId)}/export${suffix}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!(res instanceof Response)) return res;
  const filename = filenameOf(res.headers.get("Content-Disposition")) ?? `${roundId}.${format}`;
  return { ok: true, data: { blob: await res.blob(), filename } };
}
