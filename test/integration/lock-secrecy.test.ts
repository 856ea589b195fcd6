import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnRedis } from "../../scripts/setup/redis.mjs";
import { canonicalJson, compareCodePoints } from "../../shared/canonical-json.ts";
import { recordsSnapshot } from "../utils/records-snapshot.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";

// A Redis of its own: every key in it and every byte of its append-only files is this
// test's, and the files can be read.
let dataDir: string;
let redis: Awaited<ReturnType<typeof spawnRedis>>;
let t: TestApp;
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "jingpin-secrecy-"));
  redis = await spawnRedis({ dataDir });
  t = await startTestApp({ redisUrl: redis.url, keyPrefix: "secrecy:" });
  // The rewritten base file as plain commands rather than an RDB (whose LZF-compressed
  // strings a text search would miss), so that a card id in it would be found.
  await t.redis.config("SET", "aof-use-rdb-preamble", "no");
});
afterAll(async () => {
  await t?.close();
  await redis?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The card registry: the only keys that may name a card or its secret's hash after the lock.
 * They say which cards exist and what they may do, never what a card scored. A new key
 * that names cards must be added here on purpose. A `cards:issue` request (kept 15 minutes
 * so a retry issues once) lists the ids of the cards it issued, like `cards` does.
 */
const REGISTRY = [
  /^secrecy:auth:[0-9a-f]{64}$/,
  /:cards$/,
  /:card-status$/,
  /:active-cards$/,
  /:card-request:[A-Za-z0-9_-]+$/,
];
const inRegistry = (key: string) => REGISTRY.some((r) => r.test(key));

/** Every key with everything it holds, whatever its type. */
async function dumpAll(r: Redis): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for await (const keys of r.scanStream({ count: 500 }) as AsyncIterable<string[]>) {
    for (const key of keys) {
      const type = await r.type(key);
      // Expired between SCAN and TYPE (the tally mark lives 100 ms): nothing left to read.
      if (type === "none") continue;
      const read: Record<string, () => Promise<string[]>> = {
        string: async () => [(await r.get(key)) ?? ""],
        hash: async () => Object.entries(await r.hgetall(key)).flat(),
        list: () => r.lrange(key, 0, -1),
        set: () => r.smembers(key),
        zset: () => r.zrange(key, 0, -1, "WITHSCORES"),
      };
      const reader = read[type];
      if (!reader) throw new Error(`${key}: unexpected type ${type}`);
      out.set(key, await reader());
    }
  }
  return out;
}

/** The commands of an append-only file (RESP arrays of bulk strings), as strings. */
function parseAof(buf: Buffer): string[][] {
  const commands: string[][] = [];
  let at = 0;
  const line = () => {
    const end = buf.indexOf("\r\n", at);
    const text = buf.subarray(at, end).toString("latin1");
    at = end + 2;
    return text;
  };
  while (at < buf.length) {
    const head = line();
    if (!head.startsWith("*")) throw new Error(`not a RESP array at byte ${at}: ${head}`);
    const args: string[] = [];
    for (let n = Number(head.slice(1)); n > 0; n--) {
      const len = Number(line().slice(1));
      args.push(buf.subarray(at, at + len).toString("utf8"));
      at += len + 2;
    }
    commands.push(args);
  }
  return commands;
}

/** Bounded polling: Redis reports the rewrite's end only through INFO. */
async function rewriteDoneAfter(r: Redis, rewritesBefore: number): Promise<void> {
  const dir = join(dataDir, "redis", "appendonly");
  for (let i = 0; i < 600; i++) {
    const info = await r.info("persistence");
    const field = (name: string) => Number(info.match(new RegExp(`${name}:(\\d+)`))?.[1]);
    const files = await readdir(dir);
    const manifest = await readFile(join(dir, "appendonly.aof.manifest"), "utf8");
    // Done: a rewrite that started after the lock has finished, and the files it replaced
    // (history) are deleted from the disk, not only from the manifest.
    const onlyListed = files.every((f) => f.endsWith(".manifest") || manifest.includes(f));
    const idle = field("aof_rewrite_in_progress") === 0 && field("aof_rewrite_scheduled") === 0;
    if (idle && field("aof_rewrites") > rewritesBefore && onlyListed) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error("the AOF rewrite after the lock did not finish in 30 s");
}

describe("after the lock", () => {
  it("no Redis key, value or append-only file links a card or its secret to a score", async () => {
    const { roundId, config, cards, organizer } = await seedRound(t, {
      leaders: 3,
      middle: 3,
      staff: 3,
    });
    const secrets = cards.map((c) => createHash("sha256").update(c.token, "utf8").digest("hex"));
    const needles = [...cards.map((c) => c.id), ...secrets];
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    for (const [i, phone] of phones.entries()) {
      for (const seq of [1, 2]) {
        const ballot = {
          candidateId: "C1",
          scores: randomScores(config),
          nonce: `ballot-${i}-${seq}`,
        };
        expectOk(await call(phone, "ballot:submit", { ...ballot, seq }));
      }
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    // Every card abstains (回避) for C2; the first then undoes it with a ballot.
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
    for (const [i, phone] of phones.entries()) {
      const abstain = { candidateId: "C2", abstain: true as const, nonce: `abstain-${i}`, seq: 1 };
      expectOk(await call(phone, "ballot:submit", abstain));
    }
    const undo = {
      candidateId: "C2",
      scores: randomScores(config),
      nonce: "undo-ballot-0",
      seq: 2,
    };
    expectOk(await call(phones[0] ?? organizer, "ballot:submit", undo));
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C2" }));
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    for (const [i, phone] of phones.entries()) {
      const choices = { C1: i % 2 ? "excellent" : "competent" };
      expectOk(
        await call(phone, "evaluation:submit", { choices, nonce: `evaluation-${i}`, seq: 1 }),
      );
    }
    // Before the lock the card-keyed stores exist, and this test sees them as a leak.
    const open = await dumpAll(t.redis);
    const leaksBefore = [...open].filter(
      ([key, values]) => !inRegistry(key) && needles.some((n) => values.join("\n").includes(n)),
    );
    expect(leaksBefore.map(([key]) => key)).toEqual(
      expect.arrayContaining([
        expect.stringContaining("ballots:C1"),
        expect.stringContaining("abstentions:C2"),
        expect.stringContaining("abstention-meta:C2"),
      ]),
    );

    const info = await t.redis.info("persistence");
    const rewrites = Number(info.match(/aof_rewrites:(\d+)/)?.[1]);
    expect(Number.isInteger(rewrites)).toBe(true);
    expectOk(await call(organizer, "round:lock", { roundId }));

    // The lock landed in the records: Redis holds nothing of the round any more, not even
    // the registry, and no key of any type names a card or its secret.
    const after = await dumpAll(t.redis);
    expect([...after.keys()].filter((k) => k.includes(roundId))).toEqual([]);
    for (const [key, values] of after) {
      const text = [key, ...values].join("\n");
      for (const needle of needles) expect(text, `${key} names ${needle}`).not.toContain(needle);
    }
    // Nor does any row of the records; and nothing shows the order of submission: the
    // landed ballots are in sorted order.
    const records = JSON.stringify(await recordsSnapshot(t.db));
    for (const needle of [...needles, ...cards.map((c) => c.token)]) {
      expect(records).not.toContain(needle);
    }
    const final = (
      await t.db
        .selectFrom("round_ballots")
        .select("ballot")
        .where("round_id", "=", roundId)
        .orderBy("ordinal")
        .execute()
    ).map((r) => canonicalJson(r.ballot));
    // Nine ballots for C1 and the one for C2; the abstentions are in the export only.
    expect(final).toHaveLength(10);
    expect(final).toEqual([...final].sort(compareCodePoints));

    // Nor the export file, whose abstentions are card-less and sorted like its ballots.
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    const abstentions = file.abstentions.map((a) => canonicalJson(a));
    expect(abstentions).toHaveLength(8);
    expect(abstentions).toEqual([...abstentions].sort(compareCodePoints));
    const exported = JSON.stringify(file);
    for (const needle of [...needles, ...cards.map((c) => c.token)]) {
      expect(exported).not.toContain(needle);
    }

    // The append-only files, once the rewrite the lock asked for is done.
    await rewriteDoneAfter(t.redis, rewrites);
    const dir = join(dataDir, "redis", "appendonly");
    const files = (await readdir(dir)).filter((f) => f.endsWith(".aof"));
    expect(files.some((f) => f.includes(".base."))).toBe(true);
    for (const file of files) {
      for (const command of parseAof(await readFile(join(dir, file)))) {
        const text = command.join("\n");
        const key = command[1] ?? "";
        // The rewrite may have begun before the round's keys were deleted: the card
        // registry may still be in its base file, and only there.
        if (inRegistry(key)) continue;
        for (const needle of needles) {
          expect(text, `${file}: ${command.slice(0, 2).join(" ")} names ${needle}`).not.toContain(
            needle,
          );
        }
      }
    }
  });
});
