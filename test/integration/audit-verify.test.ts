import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { type AuditRecords, createAuditRecords } from "../../server/records/audit-records.ts";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import { createMigratedDatabase } from "../utils/file-database.ts";
import { auditOf, unique } from "../utils/records-fixtures.ts";

// `npm run audit:verify` as an operator runs it: a child process on a database of its own,
// whose trail the test then breaks the way only a superuser can (triggers disabled).

const root = fileURLToPath(new URL("../..", import.meta.url));
const tsx = fileURLToPath(new URL("../../node_modules/.bin/tsx", import.meta.url));

function verify(env: Record<string, string | undefined>, ...args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const { DATABASE_URL: _, ...rest } = process.env;
    execFile(
      tsx,
      ["scripts/audit-verify.ts", ...args],
      { cwd: root, env: { ...rest, ...env }, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

let opened: Db[] = [];
afterEach(async () => {
  await Promise.all(opened.map((db) => db.destroy()));
  opened = [];
});

/** A fresh database with a trail of three entries of one round. */
async function trailOfThree(): Promise<{
  url: string;
  db: Db;
  trail: AuditRecords;
  roundId: string;
}> {
  const url = await createMigratedDatabase();
  const db = connectDatabase(url, { max: 2 });
  opened.push(db);
  const trail = createAuditRecords(db);
  const roundId = unique("r");
  await trail.append([auditOf(roundId, "round:import")]);
  await trail.append([auditOf(roundId, "round:start"), auditOf(roundId, "round:lock")]);
  return { url, db, trail, roundId };
}

/** Changes the trail as a superuser can: with the append-only trigger off for a moment. */
async function tamper(db: Db, statement: string) {
  await db.connection().execute(async (c) => {
    await sql.raw("alter table audit_entries disable trigger audit_no_change").execute(c);
    try {
      await sql.raw(statement).execute(c);
    } finally {
      await sql.raw("alter table audit_entries enable trigger audit_no_change").execute(c);
    }
  });
}

const seqs = async (trail: AuditRecords, roundId: string) =>
  (await trail.list(roundId)).map((e) => e.seq);

describe("npm run audit:verify", { timeout: 60_000 }, () => {
  it("says how to give it the database when DATABASE_URL is not set", async () => {
    const run = await verify({});
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("DATABASE_URL is not set");
    expect(run.stderr).toContain("npm start");
  });

  it("reports an intact trail with its count and head, and lists a round's entries", async () => {
    const { url, trail, roundId } = await trailOfThree();
    const check = await trail.verify();
    if (!check.ok || !check.head) throw new Error("a fresh trail does not verify");
    const run = await verify({ DATABASE_URL: url }, "--round", roundId);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`audit trail intact: 3 entries, head ${check.head}`);
    const listed = run.stdout.split("\n").filter((l) => /^ {2}#\d+ /.test(l));
    expect(listed.map((l) => l.match(/organizer {2}(\S+)/)?.[1])).toEqual([
      "round:import",
      "round:start",
      "round:lock",
    ]);
    expect(listed[0]).toMatch(/#\d+ {2}\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}organizer/);

    const kept = await verify({ DATABASE_URL: url }, "--head", check.head);
    expect(kept.code).toBe(0);
    expect(kept.stdout).toContain("the head you kept is entry");
  });

  it("names a changed entry: its seq, round, action, time and why", async () => {
    const { url, db, trail, roundId } = await trailOfThree();
    const [, second] = await seqs(trail, roundId);
    await tamper(
      db,
      `update audit_entries set body = replace(body, 'round:start', 'round:delete') where seq = ${second}`,
    );
    const run = await verify({ DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`audit trail broken at entry ${second}`);
    expect(run.stdout).toContain(`round ${roundId}`);
    expect(run.stdout).toContain("action round:delete");
    expect(run.stdout).toMatch(/time \d{4}-\d\d-\d\d \d\d:\d\d:\d\d（北京时间）/);
    expect(run.stdout).toContain("hash does not match its content");
  });

  it("names the entry after a deleted one", async () => {
    const { url, db, trail, roundId } = await trailOfThree();
    const [, second, third] = await seqs(trail, roundId);
    await tamper(db, `delete from audit_entries where seq = ${second}`);
    const run = await verify({ DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`audit trail broken at entry ${third}`);
    expect(run.stdout).toContain("action round:lock");
    expect(run.stdout).toContain("prev_hash does not match the entry before it");
  });

  it("names an entry moved to another round, though its text and hash are untouched", async () => {
    const { url, db, trail, roundId } = await trailOfThree();
    const [first] = await seqs(trail, roundId);
    await tamper(db, `update audit_entries set round_id = 'elsewhere' where seq = ${first}`);
    const run = await verify({ DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`audit trail broken at entry ${first}`);
    expect(run.stdout).toContain("do not match its content");
  });

  it("a head kept off-site shows the end of the trail was cut off", async () => {
    const { url, db, trail, roundId } = await trailOfThree();
    const check = await trail.verify();
    if (!check.ok || !check.head) throw new Error("a fresh trail does not verify");
    const last = (await seqs(trail, roundId)).at(-1);
    await tamper(db, `delete from audit_entries where seq = ${last}`);
    // The chain that is left holds: only the kept head shows what is missing.
    expect(await trail.verify()).toMatchObject({ ok: true, entries: 2 });
    const run = await verify({ DATABASE_URL: url }, "--head", check.head);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("audit trail intact: 2 entries");
    expect(run.stdout).toContain("is not in the trail");
  });

  it("refuses arguments it does not know", async () => {
    const run = await verify({ DATABASE_URL: "postgresql://nobody@/none" }, "--head", "xyz");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage");
  });
});
