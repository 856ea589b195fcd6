import { filenameOf } from "../../../../shared/download-name.ts";
import { ERROR_CODES, type ErrorCode, type Result } from "../../../../shared/errors.ts";
import type {
  RegisterFileRefusal,
  RegisterImported,
  RegisterPreview,
} from "../../../../shared/protocol/index.ts";
import type { Download } from "../organizer-api.ts";

/** A call of the register's routes: its data, a refused file (with why), or an error code. */
export type RegisterResult<T> = Result<T> | RegisterFileRefusal;

const REFUSAL_REASONS = new Set<string>([
  "tooLarge",
  "tooManyRows",
  "empty",
  "unreadable",
  "legacyXls",
  "noSheet",
  "badCsv",
  "hasProblems",
  "changedSincePreview",
]);

function isRefusal(body: unknown): body is RegisterFileRefusal {
  const b = body as Partial<RegisterFileRefusal> | null;
  return (
    b?.ok === false &&
    b.error === "invalid_register_file" &&
    typeof b.reason === "string" &&
    REFUSAL_REASONS.has(b.reason)
  );
}

/**
 * The staff register's HTTP routes with the organizer's token as a Bearer header (they are
 * not socket commands: a file travels as the request body). Network failures come back as
 * "offline", an unexpected reply as "internal".
 */
async function send(
  url: string,
  token: string,
  init: RequestInit = {},
): Promise<Response | Failure> {
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: { ...(init.headers as Record<string, string>), Authorization: `Bearer ${token}` },
    });
  } catch {
    return { ok: false, error: "offline" };
  }
  if (res.ok) return res;
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not our JSON (a proxy's error page, say).
  }
  if (isRefusal(body)) return body;
  const known = ERROR_CODES.find((c) => c === (body as { error?: unknown } | null)?.error);
  return { ok: false, error: known ?? (res.status === 401 ? "unauthorized" : "internal") };
}

type Failure = { ok: false; error: ErrorCode } | RegisterFileRefusal;

async function json<T>(res: Response | Failure): Promise<RegisterResult<T>> {
  if (!(res instanceof Response)) return res;
  try {
    return (await res.json()) as Result<T>;
  } catch {
    return { ok: false, error: "internal" };
  }
}

export async function fetchTemplate(
  token: string,
  format: "xlsx" | "csv",
): Promise<Result<Download>> {
  const res = await send(`/api/register/template.${format}`, token);
  if (!(res instanceof Response)) return { ok: false, error: res.error };
  const filename = filenameOf(res.headers.get("Content-Disposition")) ?? `register.${format}`;
  return { ok: true, data: { blob: await res.blob(), filename } };
}

/** What saving the file would do, with every row's problems; nothing is saved. */
export async function previewRegister(
  token: string,
  file: Blob,
): Promise<RegisterResult<RegisterPreview>> {
  return json(await send("/api/register/preview", token, { method: "POST", body: file }));
}

/** Saves the file previewed, named by its SHA-256, all at once or not at all. */
export async function importRegister(
  token: string,
  file: Blob,
  sha256: string,
): Promise<RegisterResult<RegisterImported>> {
  return json(
    await send("/api/register/import", token, {
      method: "POST",
      body: file,
      headers: { "X-File-SHA256": sha256 },
    }),
  );
}
