import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { spawnRedis } from "../../scripts/setup/redis.mjs";
import type { SessionState } from "../../shared/protocol/index.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { randomScores, seedRound, startTestApp, type TestApp } from "../utils/test-app.ts";

const { defer, track } = useCleanups();

/** A private Redis with appendonly yes, its files kept readable (no RDB compression). */
async function privateRedis() {
  const dataDir = await mkdtemp(join(tmpdir(), "jingpin-purge-"));
  defer(() => rm(dataDir, { recursive: true, force: true }));
  const handle = await spawnRedis({ dataDir });
  defer(() => handle.stop());
  const admin = new Redis(handle.url);
  admin.on("error", () => {});
  defer(async () => admin.disconnect());
  await admin.config("SET", "rdbcompression", "no");
  return { dataDir, handle, admin, aofDir: join(dataDir, "redis", "appendonly") };
}

/** The AOF directory once Redis has deleted the files its last rewrite replaced. */
async function aofText(aofDir: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const manifest = await readFile(join(aofDir, "appendonly.aof.manifest"), "latin1");
    const current = new Set([...manifest.matchAll(/^file (\S+)/gm)].map((m) => m[1]));
    const files = await readdir(aofDir);
    const stale = files.filter((f) => f !== "appendonly.aof.manifest" && !current.has(f));
    if (stale.length === 0 || Date.now() > deadline) {
      const texts = await Promise.all(files.map((f) => readFile(join(aofDir, f), "latin1")));
      return texts.join("\n");
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Key names that link a card to its ballot, of one round. */
const cardKeyed = (prefix: string, roundId: string) =>
  ["ballots:", "ballot-meta:"].map((k) => `${prefix}round:${roundId}:${k}`);

async function scoredRound(t: TestApp) {
  const seeded = await seedRound(t, { leaders: 2, middle: 2, staff: 2 });
  const { roundId, config, cards, organizer } = seeded;
  expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
  for (const [i, card] of cards.entries()) {
    const phone = await t.client(card.token);
    const scores = randomScores(config);
    const ballot = { candidateId: "C2", scores, nonce: `purge-${roundId}-${i}`, seq: 1 };
    expectOk(await call(phone, "ballot:submit", ballot));
  }
  const { token } = expectOk(await call(organizer, "link:create", { roundId, role: "observer" }));
  const observer = await t.client(token);
  expectOk(await call(observer, "session:join", {}));
  return { roundId, organizer, observer };
}

const purged = (observer: ClientSocket) =>
  waitFor(observer, "session:state", (s: SessionState) => s.diskPurge === "done", 30_000);

async function rewriteRunning(admin: Redis): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!/aof_rewrite_in_progress:1/.test(await admin.info("persistence"))) {
    if (Date.now() > deadline) throw new Error("no rewrite started");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("a lock is finished on disk only after a rewrite that started after it", () => {
  it("a second round locked while the first lock's rewrite runs is rewritten off disk too", async () => {
    const r = await privateRedis();
    const t = await track(startTestApp({ redisUrl: r.handle.url, keyPrefix: "purge1:" }));
    const a = await scoredRound(t);
    const b = await scoredRound(t);
    const before = await aofText(r.aofDir);
    for (const k of [...cardKeyed("purge1:", a.roundId), ...cardKeyed("purge1:", b.roundId)]) {
      expect(before).toContain(k); // the scan sees them while they are there
    }

    await r.admin.config("SET", "rdb-key-save-delay", "20000"); // a rewrite that takes a while
    const aDone = purged(a.observer);
    const bDone = purged(b.observer);
    expectOk(await call(a.organizer, "round:lock", { roundId: a.roundId }));
    await rewriteRunning(r.admin);
    const bLock = expectOk(await call(b.organizer, "round:lock", { roundId: b.roundId }));
    expect(bLock.digest).toMatch(/^[0-9a-f]{64}$/);
    expect(/aof_rewrite_in_progress:1/.test(await r.admin.info("persistence"))).toBe(true);
    await r.admin.config("SET", "rdb-key-save-delay", "0");

    await Promise.all([aDone, bDone]);
    const after = await aofText(r.aofDir);
    for (const k of [...cardKeyed("purge1:", a.roundId), ...cardKeyed("purge1:", b.roundId)]) {
      expect(after).not.toContain(k);
    }
  });

  it("Redis stopping right after the lock reply: the restarted Redis is rewritten", async () => {
    const r = await privateRedis();
    const t = await track(startTestApp({ redisUrl: r.handle.url, keyPrefix: "purge2:" }));
    const { roundId, organizer, observer } = await scoredRound(t);
    expect(await aofText(r.aofDir)).toContain(cardKeyed("purge2:", roundId)[0]);

    await r.admin.config("SET", "rdb-key-save-delay", "1000000"); // no rewrite finishes
    const done = purged(observer);
    expectOk(await call(organizer, "round:lock", { roundId }));
    // Killed with its process group (a rewrite child too): no shutdown, no final rewrite.
    const pid = Number((await r.admin.info("server")).match(/process_id:(\d+)/)?.[1]);
    process.kill(-pid, "SIGKILL");
    await r.handle.stop();
    const port = Number(new URL(r.handle.url).port);
    const again = await spawnRedis({ dataDir: r.dataDir, port });
    defer(() => again.stop());

    const state = await done;
    expect(state.status).toBe("locked");
    expect(await aofText(r.aofDir)).not.toContain(cardKeyed("purge2:", roundId)[0]);
    expect(await aofText(r.aofDir)).not.toContain(cardKeyed("purge2:", roundId)[1]);
  });
});
