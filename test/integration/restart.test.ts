import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { spawnRedis } from "../../scripts/setup/redis.mjs";
import { useCleanups } from "../utils/cleanups.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { fetchExport, randomScores, seedRound, startTestApp } from "../utils/test-app.ts";

const { defer, track } = useCleanups();

describe("restarts lose no acknowledged ballot", () => {
  it("a server restarted mid-session serves the same session with every ballot", async () => {
    const first = await track(await startTestApp());
    const { roundId, config, cards, organizer } = await seedRound(first, {
      leaders: 5,
      middle: 5,
      staff: 5,
    });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C6" }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C6" }));
    const receipts = new Map<string, string>();
    for (const [i, card] of cards.entries()) {
      const phone = await first.client(card.token);
      const ack = expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C6",
          scores: randomScores(config),
          nonce: `restart-${i}`,
          seq: 1,
        }),
      );
      receipts.set(card.token, ack.receipt);
    }
    await first.app.close();

    // A new process on the same Redis and prefix: state and ballots are all there.
    const second = await track(await startTestApp({ keyPrefix: first.keyPrefix }));
    const org = await second.client(first.organizerToken);
    const snap = expectOk(await call(org, "session:join", { roundId }));
    expect(snap.state.currentCandidateId).toBe("C6");
    expect(snap.state.windows.C6).toBe("open");
    for (const card of cards) {
      const phone = await second.client(card.token);
      const mine = expectOk(await call(phone, "session:join", {})).mine;
      expect(mine?.C6?.receipt).toBe(receipts.get(card.token));
    }
    expectOk(await call(org, "round:lock", { roundId }));
    const file = await fetchExport(second.url, roundId, first.organizerToken);
    expect(file.ballots).toHaveLength(15);
  });

  it("a Redis killed without warning comes back with every acknowledged ballot (AOF, fsync always)", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), "jingpin-crash-"));
    defer(() => rm(dataDir, { recursive: true, force: true }));
    const redis1 = await spawnRedis({ dataDir });
    defer(() => redis1.stop());
    const t1 = await startTestApp({ redisUrl: redis1.url, keyPrefix: "crash:" });
    const { roundId, config, cards, organizer } = await seedRound(t1, {
      leaders: 10,
      middle: 10,
      staff: 10,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C7" }));
    const phones = await Promise.all(cards.map((c) => t1.client(c.token)));
    const acks = await Promise.all(
      phones.map((p, i) =>
        call(p, "ballot:submit", {
          candidateId: "C7",
          scores: randomScores(config),
          nonce: `crash-nonce-${i}`,
          seq: 1,
        }),
      ),
    );
    expect(acks.filter((a) => !a.ok)).toEqual([]);

    // SIGKILL: no shutdown hook, no final fsync; only what was fsynced before each ack.
    const probe = new Redis(redis1.url);
    const pid = Number((await probe.info("server")).match(/process_id:(\d+)/)?.[1]);
    probe.disconnect();
    process.kill(pid, "SIGKILL");
    await t1.close().catch(() => {});

    const redis2 = await spawnRedis({ dataDir });
    defer(() => redis2.stop());
    const t2 = await track(await startTestApp({ redisUrl: redis2.url, keyPrefix: "crash:" }));
    const org = await t2.client(t1.organizerToken);
    expect(expectOk(await call(org, "session:join", { roundId })).progress?.scored.C7).toEqual({
      leaders: 10,
      middle: 10,
      staff: 10,
    });
    expectOk(await call(org, "round:lock", { roundId }));
    const file = await fetchExport(t2.url, roundId, t1.organizerToken);
    expect(file.ballots).toHaveLength(30);
  });
});
