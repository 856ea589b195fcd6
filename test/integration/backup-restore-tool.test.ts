// `npm run backup` / `npm run restore` as tools: rows and keys written, backed up, wiped,
// restored. Runs the scripts as a user does, on the run's Redis and a database of its own.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withClient } from "../utils/database-admin.ts";
import { scratchDataDir } from "../utils/scratch-dir.ts";
import { useTestDatabase } from "../utils/test-database.ts";

const db = useTestDatabase();
const keyPrefix = `${inject("redisKeyPrefix")}backup-${randomBytes(3).toString("hex")}:`;
const outsider = `${inject("redisKeyPrefix")}other-${randomBytes(3).toString("hex")}`;
const binary = Buffer.from([0x00, 0xff, 0x10, 0x80, 0x0a]);
let redis: Redis;
let workDir: string;

beforeAll(async () => {
  redis = new Redis(inject("redisUrl"));
  workDir = await scratchDataDir("jingpin-backup-tool-");
});
afterAll(async () => {
  const keys = await redis.keys(`${keyPrefix}*`);
  if (keys.length > 0) await redis.unlink(...keys);
  await redis.unlink(outsider);
  await redis.quit();
  await rm(workDir, { recursive: true, force: true });
});

interface ToolResult {
  code: number;
  output: string;
}

function runTool(script: string, dir: string, env: Record<string, string>): Promise<ToolResult> {
  return new Promise((resolve) => {
    const options = { env: { ...process.env, ...env }, encoding: "utf8" as const };
    execFile(process.execPath, [`scripts/${script}.mjs`, "--", dir], options, (error, out, err) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${out}${err}` }),
    );
  });
}

const sql = <T extends object>(query: string) =>
  withClient(db.url, async (client) => (await client.query(query)).rows as T[]);

async function liveState() {
  return {
    config: await redis.get(`${keyPrefix}round:r1:config`),
    state: await redis.hgetall(`${keyPrefix}round:r1:state`),
    audit: await redis.lrange(`${keyPrefix}round:r1:audit`, 0, -1),
    ranking: await redis.zrange(`${keyPrefix}round:r1:ranking`, 0, -1, "WITHSCORES"),
    binary: await redis.getBuffer(`${keyPrefix}round:r1:binary`),
  };
}

describe("npm run backup / npm run restore", () => {
  const shared = () => ({
    REDIS_URL: inject("redisUrl"),
    DATABASE_URL: db.url,
    KEY_PREFIX: keyPrefix,
  });

  it("brings back the rows and the keys, with their values and expiry, after both were wiped", async () => {
    await sql("create table rounds (id text primary key, title text not null)");
    await sql("insert into rounds values ('r1', '2026年度中层竞聘'), ('r2', '演练')");
    await redis.set(`${keyPrefix}round:r1:config`, JSON.stringify({ title: "中层竞聘" }));
    await redis.hset(`${keyPrefix}round:r1:state`, { phase: "scoring", candidate: "C2" });
    await redis.rpush(`${keyPrefix}round:r1:audit`, "import", "open");
    await redis.zadd(`${keyPrefix}round:r1:ranking`, 91.5, "C1", 88, "C2");
    await redis.set(`${keyPrefix}round:r1:binary`, binary);
    await redis.set(`${keyPrefix}login:10.0.0.9`, "3", "PX", 300_000);
    await redis.set(outsider, "not ours");
    const before = await liveState();

    const dir = join(workDir, "first");
    const backup = await runTool("backup", dir, shared());
    expect(backup, backup.output).toMatchObject({ code: 0 });
    const manifest = JSON.parse(await readFile(join(dir, "manifest.json"), "utf8"));
    expect(manifest).toMatchObject({ format: 1, keyPrefix, keyCount: 6 });
    expect(manifest.pgDump).toMatch(/^pg_dump \(PostgreSQL\) 15\./);

    // Wipe both, and leave what the backup does not know: it must be gone afterwards.
    await sql("drop table rounds");
    await sql("create table later (n int)");
    await redis.unlink(...(await redis.keys(`${keyPrefix}*`)));
    await redis.set(`${keyPrefix}round:r9:config`, "made after the backup");
    await redis.set(outsider, "changed, not ours");

    const restore = await runTool("restore", dir, shared());
    expect(restore, restore.output).toMatchObject({ code: 0 });

    expect(await sql("select id, title from rounds order by id")).toEqual([
      { id: "r1", title: "2026年度中层竞聘" },
      { id: "r2", title: "演练" },
    ]);
    expect(await sql("select tablename from pg_tables where schemaname = 'public'")).toEqual([
      { tablename: "rounds" },
    ]);
    expect(await liveState()).toEqual(before);
    expect(before.binary?.equals(binary)).toBe(true);
    expect(await redis.exists(`${keyPrefix}round:r9:config`)).toBe(0);
    expect(await redis.pttl(`${keyPrefix}login:10.0.0.9`)).toBeGreaterThan(200_000);
    expect(await redis.pttl(`${keyPrefix}round:r1:config`)).toBe(-1);
    expect(await redis.get(outsider)).toBe("changed, not ours");
  });

  it("refuses a backup whose files do not match the manifest, and changes nothing", async () => {
    await redis.set(`${keyPrefix}round:r1:config`, "v1");
    const dir = join(workDir, "tampered");
    expect(await runTool("backup", dir, shared())).toMatchObject({ code: 0 });
    const again = await runTool("backup", dir, shared());
    expect(again.code).toBe(1);
    expect(again.output).toContain("already holds a backup");

    const live = join(dir, "live.redis");
    await writeFile(live, (await readFile(live, "utf8")).replace(/"pttl":-1/, '"pttl":5'));
    await redis.set(`${keyPrefix}round:r1:config`, "v2");
    const restore = await runTool("restore", dir, shared());
    expect(restore.code).toBe(1);
    expect(restore.output).toContain("live.redis does not match the manifest");
    expect(await redis.get(`${keyPrefix}round:r1:config`)).toBe("v2");
  });

  it("without REDIS_URL and DATABASE_URL uses the data folder's private stores, started for the job", async () => {
    const dataDir = join(workDir, "data");
    const env = { REDIS_URL: "", DATABASE_URL: "", DATA_DIR: dataDir, KEY_PREFIX: "jp:" };
    const dir = join(workDir, "private");
    const backup = await runTool("backup", dir, env);
    expect(backup, backup.output).toMatchObject({ code: 0 });
    expect(backup.output).toContain("created the database jingpin");
    const restore = await runTool("restore", dir, env);
    expect(restore, restore.output).toMatchObject({ code: 0 });
    // Both stopped again: the cluster is free to start anew (no postmaster.pid).
    await expect(readFile(join(dataDir, "postgres", "pgdata", "postmaster.pid"))).rejects.toThrow();
  });
});
