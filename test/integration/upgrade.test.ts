import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { configSha256 } from "../../server/records/round-records.ts";
import type { UpgradeReport } from "../../server/records/upgrade.ts";
import type { AuditEntry } from "../../shared/protocol/index.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { recordsSnapshot } from "../utils/records-snapshot.ts";
import { login, spawnServer } from "../utils/server-process.ts";
import { type ClientSocket, call, connectClient, expectOk } from "../utils/socket-client.ts";
import { deleteByPrefix, fetchExport, startTestApp, type TestApp } from "../utils/test-app.ts";
import { createTestDatabase } from "../utils/test-database.ts";

/** test/fixtures/redis-v0-rounds.json: Redis as version 1af435d wrote it (its generator says how). */
interface Fixture {
  placeholder: string;
  roundA: {
    id: string;
    title: string;
    /** Candidate → card index → the scores that card gave. */
    scored: Record<string, Record<string, Record<string, number>>>;
    evaluations: Record<string, Record<string, string>>;
    cards: { id: string; group: string; token: string }[];
    voidedCard: { id: string; token: string };
    chairToken: string;
  };
  roundB: { id: string; title: string; digest: string };
  keys: { key: string; type: string; ttlMs: number; value: unknown }[];
}

const fixture = JSON.parse(
  await readFile(new URL("../fixtures/redis-v0-rounds.json", import.meta.url), "utf8"),
) as Fixture;
const { roundA, roundB } = fixture;

/** The value the old version stored under `round:<id>:<name>`. */
function oldValue<T>(roundId: string, name: string): T {
  const found = fixture.keys.find(
    (k) => k.key === `${fixture.placeholder}round:${roundId}:${name}`,
  );
  if (!found) throw new Error(`the fixture has no ${name} of round ${roundId}`);
  return found.value as T;
}
const keyPrefix = `${inject("redisKeyPrefix")}v0-${randomBytes(3).toString("hex")}:`;

/** Writes each key of the fixture by its type under the prefix (no RESTORE: no dump format). */
async function loadFixture(redis: Redis, prefix: string): Promise<void> {
  for (const { key, type, ttlMs, value } of fixture.keys) {
    const name = prefix + key.slice(fixture.placeholder.length);
    if (type === "string") await redis.set(name, value as string);
    else if (type === "hash") await redis.hset(name, value as Record<string, string>);
    else if (type === "list") await redis.rpush(name, ...(value as string[]));
    else if (type === "set") await redis.sadd(name, ...(value as string[]));
    else if (type === "zset") {
      await redis.zadd(name, ...(value as [string, string][]).flatMap(([m, score]) => [score, m]));
    } else throw new Error(`fixture key ${key} of type ${type}`);
    if (ttlMs > 0) await redis.pexpire(name, ttlMs);
  }
}

/** Every key under the prefix with its value (socket.io's and login counters aside). */
async function redisSnapshot(redis: Redis, prefix: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for await (const found of redis.scanStream({ match: `${prefix}*` }) as AsyncIterable<string[]>) {
    for (const key of found) {
      if (key.includes("socket.io") || key.startsWith(`${prefix}login:`)) continue;
      const type = await redis.type(key);
      out[key] =
        type === "string"
          ? await redis.get(key)
          : type === "hash"
            ? await redis.hgetall(key)
            : type === "list"
              ? await redis.lrange(key, 0, -1)
              : type === "set"
                ? (await redis.smembers(key)).sort()
                : await redis.zrange(key, 0, -1, "WITHSCORES");
    }
  }
  return out;
}

let redis: Redis;
/** Two nodes on one Redis and one database, starting at the same moment. */
let t: TestApp;
let other: TestApp;
let reports: UpgradeReport[];
let organizer: ClientSocket;
const configA = () => JSON.parse(oldValue<string>(roundA.id, "config")) as RoundConfig;

beforeAll(async () => {
  redis = new Redis(inject("redisUrl"));
  await loadFixture(redis, keyPrefix);
  t = await startTestApp({ keyPrefix });
  other = await startTestApp({ keyPrefix, databaseUrl: t.databaseUrl });
  reports = await Promise.all([
    t.app.services.legacy.upgrade(),
    other.app.services.legacy.upgrade(),
  ]);
  organizer = await t.client(t.organizerToken);
});

afterAll(async () => {
  await Promise.allSettled([t?.close(), other?.close()]);
  await deleteByPrefix(redis, keyPrefix);
  await redis.quit();
});

describe("the first start after a version that kept the rounds in Redis", () => {
  it("moves each old round into the records once, with two nodes starting together", async () => {
    expect(reports.flatMap((r) => r.adopted).sort()).toEqual([roundA.id, roundB.id].sort());
    expect(reports.flatMap((r) => r.left)).toEqual([]);
    expect(reports.flatMap((r) => r.landed)).toContain(roundB.id);
    // One import entry per round, however many nodes ran the upgrade.
    for (const id of [roundA.id, roundB.id]) {
      const imports = (await t.app.services.records.audit.list(id))
        .map((e) => JSON.parse(e.body) as AuditEntry)
        .filter((e) => e.action === "round:import");
      expect(imports.map((e) => e.note)).toEqual(["upgrade"]);
    }
  });

  it("changes nothing when it runs again", async () => {
    await t.app.services.audit.drain(roundA.id);
    const before = {
      records: await recordsSnapshot(t.db),
      redis: await redisSnapshot(redis, keyPrefix),
    };
    expect(await t.app.services.legacy.upgrade()).toEqual({
      adopted: [],
      landed: [],
      left: [],
    });
    expect(await other.app.services.legacy.upgrade()).toEqual({
      adopted: [],
      landed: [],
      left: [],
    });
    expect({
      records: await recordsSnapshot(t.db),
      redis: await redisSnapshot(redis, keyPrefix),
    }).toEqual(before);
  });

  it("changes nothing either when a run that died before its last steps is done again", async () => {
    const keys = t.app.services.keys;
    await t.app.services.audit.drain(roundA.id);
    const before = {
      records: await recordsSnapshot(t.db),
      redis: await redisSnapshot(redis, keyPrefix),
    };
    // What such a run leaves: the rounds still in the old set, round A's configuration too.
    const [rounds] = fixture.keys.filter((k) => k.key === `${fixture.placeholder}rounds`);
    for (const [id, score] of (rounds?.value ?? []) as [string, string][]) {
      await redis.zadd(keys.rounds, score, id);
    }
    await redis.set(keys.config(roundA.id), oldValue<string>(roundA.id, "config"));
    const again = await Promise.all([
      t.app.services.legacy.upgrade(),
      other.app.services.legacy.upgrade(),
    ]);
    expect(again.flatMap((r) => [...r.adopted, ...r.left])).toEqual([]);
    expect({
      records: await recordsSnapshot(t.db),
      redis: await redisSnapshot(redis, keyPrefix),
    }).toEqual(before);
  });

  it("leaves nothing of the old layout: no round list, no configuration in Redis", async () => {
    const keys = t.app.services.keys;
    expect(await redis.exists(keys.rounds)).toBe(0);
    expect(await redis.exists(keys.config(roundA.id))).toBe(0);
  });

  it("lists the open round as in session, with its title, rules fixed when it was imported", async () => {
    const list = expectOk(await call(organizer, "round:list", {}));
    const a = list.find((r) => r.id === roundA.id);
    const { createdAt } = oldValue<{ createdAt: string }>(roundA.id, "state");
    expect(a).toMatchObject({
      title: roundA.title,
      status: "session",
      kind: "formal",
      active: true,
      live: true,
      configSha256: configSha256(configA()),
      createdAt,
      startedAt: createdAt,
    });
    const b = list.find((r) => r.id === roundB.id);
    expect(b).toMatchObject({ status: "locked", archiving: false, digest: roundB.digest });
  });

  it("lets each old card join and see its own ballots and evaluation; the voided card stays void", async () => {
    for (const [i, card] of roundA.cards.entries()) {
      const phone = await t.client(card.token);
      const joined = expectOk(await call(phone, "session:join", {}));
      expect(joined.round.title).toBe(roundA.title);
      expect(joined.group).toBe(card.group);
      const mine = Object.fromEntries(
        Object.entries(joined.mine ?? {}).map(([c, own]) => [c, own.scores]),
      );
      const expected = Object.fromEntries(
        Object.entries(roundA.scored).flatMap(([c, byCard]) => {
          const scores = byCard[String(i)];
          return scores ? [[c, scores]] : [];
        }),
      );
      expect(mine).toEqual(expected);
      expect(joined.myEvaluation?.choices ?? null).toEqual(roundA.evaluations[String(i)] ?? null);
    }
    const voided = await t.client(roundA.voidedCard.token);
    expect(await call(voided, "session:join", {})).toEqual({ ok: false, error: "card_void" });
  });

  it("accepts new ballots and counts them with the old ones", async () => {
    const config = configA();
    const scores = Object.fromEntries(config.rubric.map((c) => [c.id, c.max / 2]));
    // Card 6 had not scored C6 (the window the old version left open); card 0 revises its own.
    const fresh = await t.client(roundA.cards[6]?.token ?? "");
    expect(
      expectOk(
        await call(fresh, "ballot:submit", {
          candidateId: "C6",
          scores,
          nonce: "after-upgrade-1",
          seq: 1,
        }),
      ).duplicate,
    ).toBe(false);
    const reviser = await t.client(roundA.cards[0]?.token ?? "");
    expectOk(
      await call(reviser, "ballot:submit", {
        candidateId: "C6",
        scores,
        nonce: "after-upgrade-2",
        seq: 2,
      }),
    );
    const progress = expectOk(
      await call(organizer, "session:join", { roundId: roundA.id }),
    ).progress;
    const total = (c: string) =>
      Object.values(progress?.scored[c] ?? {}).reduce((x, y) => x + y, 0);
    expect(total("C3")).toBe(Object.keys(roundA.scored.C3 ?? {}).length);
    expect(total("C6")).toBe(Object.keys(roundA.scored.C6 ?? {}).length + 1);
    expect(progress?.cards).toEqual({ leaders: 3, middle: 3, staff: 3 });
  });

  it("keeps the chair link: the chair joins round A and runs it", async () => {
    const chair = await connectClient(t.url, roundA.chairToken);
    try {
      const joined = expectOk(await call(chair, "session:join", {}));
      expect(joined).toMatchObject({ role: "chair", round: { title: roundA.title } });
      expect(joined.state).toMatchObject({ currentCandidateId: "C6", evaluation: "open" });
      const closed = expectOk(
        await call(chair, "scoring:close", { roundId: roundA.id, candidateId: "C6" }),
      );
      expect(closed.windows.C6).toBe("closed");
    } finally {
      chair.close();
    }
  });

  it("keeps the old audit trail, in the records once drained", async () => {
    await t.app.services.audit.drain(roundA.id);
    const old = oldValue<string[]>(roundA.id, "audit").map((raw) => JSON.parse(raw) as AuditEntry);
    const stored = (await t.app.services.records.audit.list(roundA.id)).map(
      (e) => JSON.parse(e.body) as AuditEntry & { round: string },
    );
    for (const entry of old) expect(stored).toContainEqual({ ...entry, round: roundA.id });
    expect(await redis.llen(t.app.services.keys.audit(roundA.id))).toBe(0);
    const trail = expectOk(await call(organizer, "audit:list", { roundId: roundA.id }));
    expect(trail.slice(0, old.length)).toEqual(old);
    expect(trail.map((e) => e.action)).toEqual(
      expect.arrayContaining(["round:import", "scoring:close"]),
    );
    expect((await t.app.services.records.audit.verify()).ok).toBe(true);
  });

  it("lands the locked round with the digest the old version computed, and Redis forgets it", async () => {
    const record = await t.app.services.records.rounds.get(roundB.id);
    expect(record).toMatchObject({ status: "locked", title: roundB.title, digest: roundB.digest });
    const file = await fetchExport(t.url, roundB.id, t.organizerToken);
    expect(file.digest).toBe(roundB.digest);
    const check = verifyRoundExport(file);
    expect(check.ok).toBe(true);
    expect(file.ballots).toHaveLength(12);

    const left: string[] = [];
    for await (const found of redis.scanStream({ match: `${keyPrefix}*` }) as AsyncIterable<
      string[]
    >) {
      for (const key of found) {
        if (key.includes(roundB.id)) left.push(key);
        else if (key.startsWith(`${keyPrefix}auth:`) && (await redis.get(key))?.includes(roundB.id))
          left.push(key);
      }
    }
    expect(left).toEqual([]);
    expect(await redis.sismember(t.app.services.keys.exportsPending, roundB.id)).toBe(0);
  });
});

describe("npm start on a Redis of the version before the records", () => {
  it("moves the old rounds before the server listens", async () => {
    const prefix = `${inject("redisKeyPrefix")}v0-main-${randomBytes(3).toString("hex")}:`;
    await loadFixture(redis, prefix);
    // An empty database: the server migrates it, then upgrades, then listens.
    const database = await createTestDatabase();
    const server = await spawnServer({
      REDIS_URL: inject("redisUrl"),
      DATABASE_URL: database.url,
      KEY_PREFIX: prefix,
      ORGANIZER_PASSWORD: "upgrade-pass",
    });
    try {
      expect(await redis.exists(`${prefix}rounds`)).toBe(0);
      const socket = await connectClient(server.url, await login(server.url, "upgrade-pass"));
      try {
        const list = expectOk(await call(socket, "round:list", {}));
        expect(list.map((r) => [r.id, r.status, r.digest])).toEqual(
          expect.arrayContaining([
            [roundA.id, "session", null],
            [roundB.id, "locked", roundB.digest],
          ]),
        );
      } finally {
        socket.close();
      }
    } finally {
      await server.stop();
      await deleteByPrefix(redis, prefix);
      await database.drop();
    }
  });
});
