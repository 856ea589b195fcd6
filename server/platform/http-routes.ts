import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { z } from "zod";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { asciiDownloadName, contentDisposition, downloadName } from "../../shared/download-name.ts";
import { type ErrorCode, fail, ok } from "../../shared/errors.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import { buildWorkbook } from "../results/xlsx-workbook.ts";
import type { Services } from "../services.ts";
import { bearer } from "./bearer.ts";
import { errorFields } from "./logger.ts";

const LoginBody = z.object({ passphrase: z.string().min(1).max(200) }).strict();
const RoundParam = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  unauthorized: 401,
  wrong_passphrase: 401,
  forbidden: 403,
  round_not_found: 404,
  bad_state: 409,
  rate_limited: 429,
};

function send(res: Response, error: ErrorCode): void {
  res.status(STATUS[error] ?? 500).json(fail(error));
}

function sendNull(res: Response, error: ErrorCode): null {
  send(res, error);
  return null;
}

/** Named after the round and the hall's date of the lock (shared/download-name.ts). */
function attachment(file: RoundExport, ext: string): string {
  return contentDisposition(downloadName(file.round, ext), asciiDownloadName(file.round, ext));
}

/** The few HTTP routes; everything live goes over the socket. */
export function httpRoutes(s: Services): Router {
  const r = express.Router();
  r.use(express.json({ limit: "64kb" }));

  r.post("/api/login", async (req, res) => {
    const body = LoginBody.safeParse(req.body);
    if (!body.success) return send(res, "invalid_payload");
    // req.ip is the socket's address unless TRUST_PROXY names the proxy in front of us.
    const address = req.ip ?? "unknown";
    const attempt = await s.logins.attempt(address);
    if (!attempt.allowed) {
      // The lockout lasts as long as the counter lives: say how long, so the page can too.
      const retryAfter = Math.max(1, Math.ceil(attempt.retryAfterMs / 1000));
      res.set("Retry-After", String(retryAfter));
      return res.status(429).json({ ...fail("rate_limited"), retryAfter });
    }
    if (!(await s.auth.checkPassphrase(body.data.passphrase))) {
      s.logger.warn("organizer login refused", { ip: req.ip });
      return send(res, "wrong_passphrase");
    }
    await s.logins.clear(address);
    res.json(ok({ token: await s.auth.issue({ role: "organizer" }) }));
  });

  /** The locked round's export, for the organizer and the round's chair or observer. */
  async function exportFor(req: Request, res: Response): Promise<RoundExport | null> {
    const roundId = RoundParam.safeParse(req.params.roundId);
    if (!roundId.success) return sendNull(res, "invalid_payload");
    const principal = await s.auth.resolve(bearer(req));
    if (!principal) return sendNull(res, "unauthorized");
    const allowed =
      principal.role === "organizer" ||
      ((principal.role === "chair" || principal.role === "observer") &&
        principal.roundId === roundId.data);
    if (!allowed) return sendNull(res, "forbidden");
    if (!(await s.rounds.exists(roundId.data))) return sendNull(res, "round_not_found");
    const file = await s.locks.readExport(roundId.data);
    return file ?? sendNull(res, "bad_state");
  }

  r.get("/api/rounds/:roundId/export", async (req, res) => {
    const file = await exportFor(req, res);
    if (!file) return;
    res.set("Content-Disposition", attachment(file, "json"));
    res.type("application/json").send(canonicalJson(file));
  });

  r.get("/api/rounds/:roundId/export.xlsx", async (req, res) => {
    const file = await exportFor(req, res);
    if (!file) return;
    res.set("Content-Disposition", attachment(file, "xlsx"));
    res.type("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    res.send(await buildWorkbook(file));
  });

  r.get("/healthz", async (_req, res) => {
    const health = await s.health();
    res.status(health.redis && health.records ? 200 : 503).json(ok(health));
  });

  // A body express.json() cannot read (broken JSON, too large) gets a code like any other
  // refusal, never Express's HTML page with the stack trace.
  r.use((err: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if ((err.status ?? 500) < 500) return send(res, "invalid_payload");
    s.logger.error("http route failed", errorFields(err));
    send(res, "internal");
  });

  return r;
}
