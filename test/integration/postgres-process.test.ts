// The bootstrap's PostgreSQL (scripts/setup) keeps data across a restart, also after a kill,
// and finds a folder its server user can reach. Uses its own servers, not the run's one.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, readFile, readlink, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type SpawnedPostgres, spawnPostgres } from "../../scripts/setup/postgres.mjs";
import { withClient } from "../utils/database-admin.ts";
import { scratchDataDir } from "../utils/scratch-dir.ts";

const isRoot = process.getuid?.() === 0;

describe("spawnPostgres", () => {
  let dataDir: string;
  const running: SpawnedPostgres[] = [];
  const cleanups: string[] = [];

  beforeEach(async () => {
    dataDir = await scratchDataDir("jingpin-postgres-process-");
    cleanups.push(dataDir);
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
    for (const dir of cleanups.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  async function start(dir = dataDir): Promise<SpawnedPostgres> {
    const server = await spawnPostgres({ dataDir: dir });
    running.push(server);
    return server;
  }

  const query = <T extends pg.QueryResultRow>(url: string, sql: string) =>
    withClient(url, async (client) => (await client.query<T>(sql)).rows);

  /** The operating-system user id the postmaster runs as. */
  async function serverUid(server: SpawnedPostgres): Promise<number> {
    const pidFile = await readFile(join(server.clusterDir, "pgdata", "postmaster.pid"), "utf8");
    const status = await readFile(`/proc/${pidFile.split("\n")[0]}/status`, "utf8");
    return Number(/^Uid:\s+(\d+)/m.exec(status)?.[1]);
  }

  it("answers on a Unix socket in its data folder, in the database jingpin, until stopped", async () => {
    const server = await start();
    expect(server.clusterDir).toBe(join(dataDir, "postgres"));
    const socketDir = join(dataDir, "postgres", "socket");
    expect(server.url).toBe(`postgresql:///jingpin?host=${socketDir}&user=postgres`);
    expect(new URL(server.url).searchParams.get("host")).toBe(socketDir);

    const [row] = await query<{ db: string; tcp: boolean }>(
      server.url,
      "select current_database() as db, inet_server_addr() is not null as tcp",
    );
    expect(row).toEqual({ db: "jingpin", tcp: false });
    const [settings] = await query(server.url, "select current_setting('listen_addresses') as l");
    expect(settings).toEqual({ l: "" });
    expect((await stat(join(socketDir, ".s.PGSQL.5432"))).mode & 0o777).toBe(0o700);

    await server.stop();
    await expect(query(server.url, "select 1")).rejects.toThrow();
    expect(existsSync(join(server.clusterDir, "pgdata", "postmaster.pid"))).toBe(false);
    await expect(server.stop()).resolves.toBeUndefined();
  });

  it("keeps written rows across a restart on the same folder", async () => {
    const first = await start();
    await query(first.url, "create table ballots (id int primary key, note text)");
    await query(first.url, "insert into ballots values (1, '已提交')");
    await first.stop();

    const second = await start();
    expect(await query(second.url, "select * from ballots")).toEqual([{ id: 1, note: "已提交" }]);
  });

  it("starts again after the server was killed, its postmaster.pid left behind", async () => {
    const first = await start();
    await query(first.url, "create table marks (n int)");
    await query(first.url, "insert into marks values (7)");
    const pidFile = join(first.clusterDir, "pgdata", "postmaster.pid");
    const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
    process.kill(pid, "SIGKILL");
    await first.stop(); // resolves once the killed child has exited
    expect(existsSync(pidFile)).toBe(true);

    const second = await start();
    expect(await query(second.url, "select n from marks")).toEqual([{ n: 7 }]);
  });

  it("refuses to start beside a server still running on the cluster, naming its pid", async () => {
    const first = await start();
    const pid = (await readFile(join(first.clusterDir, "pgdata", "postmaster.pid"), "utf8")).split(
      "\n",
    )[0];
    await expect(start()).rejects.toThrow(`kill -INT ${pid}`);
    expect(await query(first.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });

  it("keeps the cluster where its server user can reach it when the data folder is closed to it", async () => {
    // A fresh clone in a folder only its owner may enter, as CI's /root/<checkout>.
    const closed = await mkdtemp(join(tmpdir(), "jingpin-closed-"));
    cleanups.push(closed);
    const closedDataDir = join(closed, "data");
    const link = join(closedDataDir, "postgres");
    const server = await start(closedDataDir);
    if (isRoot) cleanups.push(dirname(server.clusterDir));

    const postgresUid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
    if (isRoot) {
      expect(server.clusterDir).toMatch(/^\/var\/lib\/jingpin\/[0-9a-f]{12}\/postgres$/);
      expect((await lstat(link)).isSymbolicLink()).toBe(true);
      expect(await readlink(link)).toBe(server.clusterDir);
      expect(await serverUid(server)).toBe(postgresUid);
      const folder = await stat(server.clusterDir);
      expect([folder.uid, folder.mode & 0o777]).toEqual([postgresUid, 0o700]);
    } else {
      // Its owner can enter it: the cluster stays in place and runs as ourselves.
      expect(server.clusterDir).toBe(link);
      expect(await serverUid(server)).toBe(process.getuid?.());
    }
    expect((await stat(closed)).mode & 0o777).toBe(0o700); // left as it was

    await query(server.url, "create table kept (n int)");
    await server.stop();
    const again = await start(closedDataDir);
    expect(again.clusterDir).toBe(server.clusterDir);
    expect(await query(again.url, "select count(*)::int as n from kept")).toEqual([{ n: 0 }]);
  });

  it("puts the socket in a short folder when the cluster's path is too long for one", async () => {
    const deep = join(dataDir, "a-folder-name-long-enough".repeat(3), "data");
    await mkdir(deep, { recursive: true });
    const server = await start(deep);
    const socketDir = new URL(server.url).searchParams.get("host") ?? "";
    expect(socketDir).toMatch(/^\/tmp\/jingpin-pgsock-[0-9a-f]{12}$/);
    cleanups.push(socketDir);
    expect(await query(server.url, "select 1 as one")).toEqual([{ one: 1 }]);
  });
});
