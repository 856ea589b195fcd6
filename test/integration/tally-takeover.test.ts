import { randomBytes } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import type { Progress } from "../../shared/protocol/index.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import { deleteByPrefix, randomScores, seedRound, startTestApp } from "../utils/test-app.ts";

const { defer, track } = useCleanups();

const scoredC1 = (p: Progress) => Object.values(p.scored.C1 ?? {}).reduce((sum, n) => sum + n, 0);

describe("the coalesced tally feed", () => {
  it("a node that schedules a flush and dies: another node's screens get the final count", async () => {
    const keyPrefix = `${inject("redisKeyPrefix")}${randomBytes(4).toString("hex")}:`;
    // Node A would broadcast only after 2 s; it dies long before that.
    const a = await startTestApp({ keyPrefix, tallyIntervalMs: 2000 });
    const b = await track(await startTestApp({ keyPrefix, tallyIntervalMs: 100 }));
    defer(() => deleteByPrefix(b.redis, keyPrefix));
    const { roundId, config, cards, organizer } = await seedRound(a, {
      leaders: 1,
      middle: 1,
      staff: 1,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const staff = await b.client(b.organizerToken);
    const joined = expectOk(await call(staff, "session:join", { roundId })).progress as Progress;

    const phones = await Promise.all(cards.map((c) => a.client(c.token)));
    await Promise.all(
      phones.map((phone, i) =>
        call(phone, "ballot:submit", {
          candidateId: "C1",
          scores: randomScores(config),
          nonce: `takeover-${i}`,
          seq: 1,
        }).then(expectOk),
      ),
    );
    const final = waitFor(staff, "tally:updated", (p) => scoredC1(p) === 3, 8000);
    const started = Date.now();
    await a.close();

    const progress = await final;
    // A's deadline (its 2 s delay plus the takeover grace) plus one sweep of B, with slack.
    expect(Date.now() - started).toBeLessThan(6000);
    expect(progress.version).toBeGreaterThan(joined.version);
    expect(await b.redis.zscore(b.app.services.keys.tallyDue, roundId)).toBeNull();
  });

  it("progress updates carry increasing versions; a join reads the current one", async () => {
    const t = await track(await startTestApp());
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 1, staff: 1 });
    const joined = expectOk(await call(organizer, "session:join", { roundId }));
    const versions: number[] = [joined.progress?.version ?? Number.NaN];
    for (const staff of [2, 3]) {
      const update = waitFor(organizer, "tally:updated", (p) => p.cards.staff === staff);
      expectOk(
        await call(organizer, "cards:issue", {
          roundId,
          counts: { staff: 1 },
          requestId: `takeover-${staff}`,
        }),
      );
      versions.push((await update).version);
    }
    const again = expectOk(await call(organizer, "session:join", { roundId }));
    expect(versions[1]).toBeGreaterThan(versions[0] as number);
    expect(versions[2]).toBeGreaterThan(versions[1] as number);
    expect(again.progress?.version).toBe(versions[2]);
    expect(again.screen?.version).toBe(versions[2]);
  });
});
