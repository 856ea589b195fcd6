import { createHash } from "node:crypto";
import express, { type NextFunction, type Request, type Response, type Router } from "express";
import { fail, ok } from "../../shared/errors.ts";
import type {
  RegisterFileRefusal,
  RegisterImported,
  RegisterPreview,
} from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import type { Person } from "../../shared/setup/person.ts";
import {
  isImportable,
  REGISTER_LIMITS,
  type RegisterParse,
  registerChanges,
} from "../../shared/setup/staff-register.ts";
import { bearer } from "../platform/bearer.ts";
import type { RegisteredPerson } from "../records/register-records.ts";
import type { Services } from "../services.ts";
import { readRegisterFile, registerTemplate } from "./register-file.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The register's own fields of a stored person, as the file writes them. */
function asPerson({ personId: _, updatedAt: __, ...person }: RegisteredPerson): Person {
  return person;
}

function refuse(res: Response, refusal: Omit<RegisterFileRefusal, "ok" | "error">): void {
  const body: RegisterFileRefusal = { ok: false, error: "invalid_register_file", ...refusal };
  res.status(422).json(body);
}

/**
 * The staff register's file routes (organizer only): the template, a preview of an upload,
 * and its import. A file travels as the request's raw body (up to the register's limit), so
 * no multipart parser is needed; the page sends the file the organizer picked.
 */
export function registerRoutes(s: Services): Router {
  const r = express.Router();
  // A little over the limit, so an oversized file gets the register's own message.
  const raw = express.raw({ type: () => true, limit: REGISTER_LIMITS.bytes + 1024 });

  async function organizer(req: Request, res: Response): Promise<Principal | null> {
    const principal = await s.auth.resolve(bearer(req));
    if (!principal) res.status(401).json(fail("unauthorized"));
    else if (principal.role !== "organizer") res.status(403).json(fail("forbidden"));
    else return principal;
    return null;
  }

  /** The upload read and checked, or null when a refusal was sent. */
  async function read(req: Request, res: Response) {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const result = await readRegisterFile(bytes);
    if (!result.ok) {
      refuse(res, { reason: result.error, ...(result.params ? { params: result.params } : {}) });
      return null;
    }
    return { parse: result.data, sha256: createHash("sha256").update(bytes).digest("hex") };
  }

  async function preview(parse: RegisterParse, sha256: string): Promise<RegisterPreview> {
    const existing = (await s.records.register.listPeople()).map(asPerson);
    const changes = registerChanges(existing, parse.people);
    return {
      fileSha256: sha256,
      people: parse.people.length,
      problems: parse.problems,
      groupCounts: parse.groupCounts,
      changes: {
        added: changes.added,
        updated: changes.updated,
        unchanged: changes.unchanged.length,
        absent: changes.absent.length,
      },
      importable: isImportable(parse),
    };
  }

  for (const format of ["xlsx", "csv"] as const) {
    r.get(`/api/register/template.${format}`, async (req, res) => {
      if (!(await organizer(req, res))) return;
      const name = format === "xlsx" ? "人员名册模板.xlsx" : "人员名册模板.csv";
      res.set("Content-Disposition", `attachment; filename*=UTF-8''${encodeURIComponent(name)}`);
      res.type(format === "xlsx" ? XLSX : "text/csv; charset=utf-8");
      res.send(await registerTemplate(format));
    });
  }

  r.post("/api/register/preview", raw, async (req, res) => {
    if (!(await organizer(req, res))) return;
    const file = await read(req, res);
    if (!file) return;
    res.json(ok(await preview(file.parse, file.sha256)));
  });

  r.post("/api/register/import", raw, async (req, res) => {
    const principal = await organizer(req, res);
    if (!principal) return;
    const file = await read(req, res);
    if (!file) return;
    // What was previewed is what is saved: the page names the file it previewed.
    if (req.get("x-file-sha256") !== file.sha256) {
      return refuse(res, { reason: "changedSincePreview" });
    }
    if (!isImportable(file.parse)) return refuse(res, { reason: "hasProblems" });
    const audit = s.audit.record(principal, null, "register:import", {
      note: `${file.parse.people.length} rows, sha256 ${file.sha256}`,
    });
    const saved = await s.records.register.importRegister(
      file.parse.people,
      file.parse.relationships,
      file.sha256,
      audit,
    );
    // The parse refuses what the records would (a staff number twice, an unknown relative):
    // a refusal here is a file the two disagree on.
    if (!saved.ok) {
      s.logger.warn("register import refused by the records", { error: saved.error });
      return refuse(res, { reason: "hasProblems" });
    }
    const counts: RegisterImported = saved.data;
    s.logger.info("register imported", { ...counts.relationships, created: counts.created });
    res.json(ok(counts));
  });

  // A body over the limit (413) gets the register's own refusal, anything else a code.
  r.use((err: { status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err.status === 413) {
      return refuse(res, {
        reason: "tooLarge",
        params: { max: REGISTER_LIMITS.bytes / 1024 / 1024 },
      });
    }
    next(err);
  });

  return r;
}
