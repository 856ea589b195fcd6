// Backup and restore of a meeting (issue 7, item 8): a session run halfway, backed up with
// `npm run backup`, both stores wiped, `npm run restore`, a new node started on them. The
// session goes on with every acknowledged ballot, and a locked round's export verifies
// with the digest it had. Then the race the backup's order is for: a lock that lands
// between the copy of Redis and the copy of the records.
import { execFile } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import { withClient } from "../utils/database-admin.ts";
import { scratchDataDir } from "../utils/scratch-dir.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import {
  DEMO_ROUND,
  deleteByPrefix,
  fetchExport,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";

let workDir: string;
/** The test's own connection: a node's is closed with the node. */
let redis: Redis;
beforeAll(async () => {
  workDir = await scratchDataDir("jingpin-backup-session-");
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  await redis.quit();
  await rm(workDir, { recursive: true, force: true });
});

/** Runs `npm run backup` or `npm run restore` on the app's stores, as an operator does. */
function runTool(script: "backup" | "restore", dir: string, app: TestApp): Promise<string> {
  const env = {
    ...process.env,
    REDIS_URL: inject("redisUrl"),
    DATABASE_URL: app.databaseUrl,
    KEY_PREFIX: app.keyPrefix,
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [`scripts/${script}.mjs`, "--", dir], { env }, (err, out, e) =>
      err ? reject(new Error(`${script} failed: ${out}${e}`)) : resolve(`${out}${e}`),
    );
  });
}

/** Both stores emptied: every key of the prefix, and every table, function and row. */
async function wipe(app: TestApp): Promise<void> {
  await deleteByPrefix(redis, app.keyPrefix);
  await withClient(app.databaseUrl, (c) =>
    c.query("drop schema public cascade; create schema public"),
  );
}

/** A node on the same stores after the restore (the first node is gone). */
const restart = (before: TestApp) =>
  startTestApp({ keyPrefix: before.keyPrefix, databaseUrl: before.databaseUrl });

const scores = (i: number) => ({ knowledge: 20 + i, skills: 15 + i / 2, quality: 30 + i });

async function issue(organizer: ClientSocket, roundId: string, counts: Record<string, number>) {
  const requestId = randomUUID();
  return expectOk(await call(organizer, "cards:issue", { roundId, counts, requestId }));
}

/** Scores `candidateId` from each phone; resolves to the ballots acknowledged. */
async function scoreAll(phones: ClientSocket[], candidateId: string, from = 0) {
  const acked: string[] = [];
  for (const [i, phone] of phones.entries()) {
    const ballot = { candidateId, scores: scores(from + i), nonce: randomUUID(), seq: 1 };
    expectOk(await call(phone, "ballot:submit", ballot));
    acked.push(canonicalJson(ballot.scores));
  }
  return acked;
}

const exportedScores = (file: { ballots: { candidate: string; scores: object }[] }, c: string) =>
  file.ballots
    .filter((b) => b.candidate === c)
    .map((b) => canonicalJson(b.scores))
    .sort();

describe("npm run backup / restore of a meeting", () => {
  it("a session backed up halfway continues after both stores are wiped and restored", async () => {
    const keyPrefix = `${inject("redisKeyPrefix")}meeting-${randomBytes(3).toString("hex")}:`;
    let app = await startTestApp({ keyPrefix });
    try {
      let organizer = await app.client(app.organizerToken);
      // A round locked before the backup: its export must come back with its digest.
      const earlier = expectOk(
        await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
      ).roundId;
      const earlierCards = await issue(organizer, earlier, { leaders: 3 });
      expectOk(await call(organizer, "scoring:open", { roundId: earlier, candidateId: "C1" }));
      const earlierPhones = await Promise.all(earlierCards.map((c) => app.client(c.token)));
      for (const p of earlierPhones) expectOk(await call(p, "session:join", {}));
      await scoreAll(earlierPhones, "C1");
      const { digest } = expectOk(await call(organizer, "round:lock", { roundId: earlier }));
      expect(digest).toMatch(/^[0-9a-f]{64}$/);

      // The round in session: C1 scored by all six cards, C2 by three so far.
      const roundId = expectOk(
        await call(organizer, "round:import", { file: DEMO_ROUND, start: true, activate: true }),
      ).roundId;
      const cards = await issue(organizer, roundId, { leaders: 2, middle: 2, staff: 2 });
      let phones = await Promise.all(cards.map((c) => app.client(c.token)));
      for (const p of phones) expectOk(await call(p, "session:join", {}));
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
      const c1 = await scoreAll(phones, "C1");
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
      const c2 = await scoreAll(phones.slice(0, 3), "C2");

      const dir = join(workDir, "halfway");
      await runTool("backup", dir, app);
      await app.close();
      await wipe(app);
      expect(await redis.keys(`${keyPrefix}*`)).toEqual([]);
      await runTool("restore", dir, app);

      app = await restart(app);
      organizer = await app.client(app.organizerToken);
      // The same phones, with the codes they had, find their ballots and go on.
      phones = await Promise.all(cards.map((c) => app.client(c.token)));
      const joined = await Promise.all(phones.map((p) => call(p, "session:join", {})));
      const mine = joined.map((j) => Object.keys(expectOk(j).mine ?? {}).sort());
      expect(mine).toEqual([...Array(3).fill(["C1", "C2"]), ...Array(3).fill(["C1"])]);
      c2.push(...(await scoreAll(phones.slice(3), "C2", 3)));
      expectOk(await call(organizer, "round:lock", { roundId }));

      const file = await fetchExport(app.url, roundId, app.organizerToken);
      expect(verifyRoundExport(file).ok).toBe(true);
      expect(exportedScores(file, "C1")).toEqual(c1.sort());
      expect(exportedScores(file, "C2")).toEqual(c2.sort());
      const restored = await fetchExport(app.url, earlier, app.organizerToken);
      expect(restored.digest).toBe(digest);
      expect(verifyRoundExport(restored)).toMatchObject({ ok: true, digestOk: true });
    } finally {
      await app.close();
      await deleteByPrefix(redis, keyPrefix);
    }
  });

  it("a lock landed between the copy of Redis and the copy of the records: the records' copy wins", async () => {
    const keyPrefix = `${inject("redisKeyPrefix")}race-${randomBytes(3).toString("hex")}:`;
    let app = await startTestApp({ keyPrefix });
    try {
      const organizer = await app.client(app.organizerToken);
      const { roundId } = expectOk(
        await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
      );
      const cards = await issue(organizer, roundId, { leaders: 2, staff: 2 });
      const phones = await Promise.all(cards.map((c) => app.client(c.token)));
      for (const p of phones) expectOk(await call(p, "session:join", {}));
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
      const acked = await scoreAll(phones, "C1");

      // What `npm run backup` would write if the lock landed while pg_dump was starting:
      // Redis as before the lock, the records as after it.
      const before = join(workDir, "race-before");
      const after = join(workDir, "race-after");
      await runTool("backup", before, app);
      const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
      await runTool("backup", after, app);
      const mixed = join(workDir, "race-mixed");
      await mkdir(mixed, { mode: 0o700 });
      await copyFile(join(before, "live.redis"), join(mixed, "live.redis"));
      await copyFile(join(after, "records.pgdump"), join(mixed, "records.pgdump"));
      const manifest = JSON.parse(await readFile(join(after, "manifest.json"), "utf8"));
      const early = JSON.parse(await readFile(join(before, "manifest.json"), "utf8"));
      manifest.keyCount = early.keyCount;
      manifest.files["live.redis"] = {
        ...early.files["live.redis"],
        sha256: createHash("sha256")
          .update(await readFile(join(mixed, "live.redis")))
          .digest("hex"),
      };
      await writeFile(join(mixed, "manifest.json"), JSON.stringify(manifest));

      await app.close();
      await wipe(app);
      await runTool("restore", mixed, app);
      expect(await redis.hget(`${keyPrefix}round:${roundId}:state`, "status")).toBe("open");

      app = await restart(app);
      // The new node deletes Redis's older copy of the landed round (lock-service reconcile).
      await expect
        .poll(() => app.redis.keys(`${keyPrefix}round:${roundId}:*`), { timeout: 10_000 })
        .toEqual([]);
      const file = await fetchExport(app.url, roundId, app.organizerToken);
      expect(file.digest).toBe(digest);
      expect(exportedScores(file, "C1")).toEqual(acked.sort());
      // A phone of the older copy cannot score into the landed round.
      await expect(app.client(cards[0]?.token ?? "")).rejects.toThrow("unauthorized");
      const listed = expectOk(await call(await app.client(app.organizerToken), "round:list", {}));
      expect(listed.find((r) => r.id === roundId)).toMatchObject({ status: "locked", digest });
    } finally {
      await app.close();
      await deleteByPrefix(redis, keyPrefix);
    }
  });
});
