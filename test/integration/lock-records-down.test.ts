// The lock lands in PostgreSQL; with PostgreSQL down it is locked all the same, reads
// "locked, archiving", and lands once PostgreSQL answers again (issue 7, item 6).
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SpawnedPostgres, spawnPostgres } from "../../scripts/setup/postgres.mjs";
import { connectDatabase, migrateToLatest } from "../../server/records/db.ts";
import type { SessionState } from "../../shared/protocol/index.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import { scratchDataDir } from "../utils/scratch-dir.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";

describe("the lock while PostgreSQL is down", () => {
  let dataDir: string;
  let postgres: SpawnedPostgres | undefined;
  let t: TestApp | undefined;

  beforeAll(async () => {
    dataDir = await scratchDataDir("jingpin-lock-down-");
    postgres = await spawnPostgres({ dataDir });
    const db = connectDatabase(postgres.url, { max: 1 });
    await migrateToLatest(db);
    await db.destroy();
  });

  afterAll(async () => {
    await t?.close();
    await postgres?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("locks, shows 已锁定，正在归档 with the digest, and lands it once PostgreSQL is back", async () => {
    if (!postgres) throw new Error("no postgres");
    t = await startTestApp({ databaseUrl: postgres.url });
    const app = t;
    const { roundId, cards, organizer, config } = await seedRound(app, { leaders: 3, middle: 2 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    for (const [i, card] of cards.entries()) {
      const phone = await app.client(card.token);
      const scores = randomScores(config);
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C1",
          scores,
          nonce: `n-${i}-abcdef`,
          seq: 1,
        }),
      );
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    const projector = await app.client(
      expectOk(await call(organizer, "server:info", {})).projectorToken,
    );
    expectOk(await call(projector, "session:join", {}));

    await postgres.stop();
    const archiving = waitFor(
      projector,
      "session:state",
      (s: SessionState) => s.status === "locked" && s.digest !== null,
    );
    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const shown = await archiving;
    expect(shown).toMatchObject({ digest, archiving: true });
    // The records are down: what needs them says so, and changes nothing.
    expect(await call(organizer, "round:list", {})).toEqual({
      ok: false,
      error: "records_unavailable",
    });
    const health = await fetch(`${app.url}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: true, data: { redis: true, records: false } });
    const keysOfRound = async () =>
      (await app.redis.keys(`${app.keyPrefix}*`)).filter((k) => k.includes(roundId));
    expect((await keysOfRound()).length).toBeGreaterThan(0);

    const landed = waitFor(
      projector,
      "session:state",
      (s: SessionState) => s.status === "locked" && !s.archiving,
      30_000,
    );
    postgres = await spawnPostgres({ dataDir });
    const after = await landed;
    expect(after.digest).toBe(digest);

    const healthy = await fetch(`${app.url}/healthz`);
    expect(await healthy.json()).toEqual({ ok: true, data: { redis: true, records: true } });
    const file = await fetchExport(app.url, roundId, app.organizerToken);
    expect(file.digest).toBe(digest);
    expect(verifyRoundExport(JSON.parse(JSON.stringify(file))).ok).toBe(true);
    const row = await app.db
      .selectFrom("round_exports")
      .select("digest")
      .where("round_id", "=", roundId)
      .executeTakeFirst();
    expect(row?.digest).toBe(digest);
    // Redis holds nothing of the round: no key names it, and its card secrets are gone.
    expect(await keysOfRound()).toEqual([]);
    await expect(app.client(cards[0]?.token ?? "")).rejects.toThrow("unauthorized");
    const listed = expectOk(await call(organizer, "round:list", {}));
    expect(listed.find((r) => r.id === roundId)).toMatchObject({
      status: "locked",
      archiving: false,
      digest,
    });
  }, 90_000);
});
