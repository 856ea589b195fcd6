import { describe, expect, it } from "vitest";
import type { SessionState } from "../../shared/protocol/index.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import {
  fetchExport,
  randomScores,
  seedRound,
  startTestApp,
  type TestApp,
} from "../utils/test-app.ts";

const { track } = useCleanups();

/** The node cannot build the export (it "dies" between the two steps of the lock). */
function breakExportBuilding(t: TestApp): () => void {
  const ballots = t.app.services.ballots;
  const original = ballots.finalBallots;
  ballots.finalBallots = () => Promise.reject(new Error("node died before the export"));
  return () => {
    ballots.finalBallots = original;
  };
}

/** Scores C1 with every card and returns the chair-less observer token. */
async function scoreAndObserve(t: TestApp, roundId: string, organizer = t.organizerToken) {
  const org = await t.client(organizer);
  const { token } = expectOk(await call(org, "link:create", { roundId, role: "observer" }));
  return token;
}

describe("the lock always finishes", () => {
  it("a node that dies between the lock and the export: another node finishes it at start-up", async () => {
    const first = await track(await startTestApp());
    const { roundId, config, cards, organizer } = await seedRound(first, {
      leaders: 3,
      middle: 3,
      staff: 3,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    for (const [i, card] of cards.entries()) {
      const phone = await first.client(card.token);
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C1",
          scores: randomScores(config),
          nonce: `finish-nonce-${i}`,
          seq: 1,
        }),
      );
    }
    const observerToken = await scoreAndObserve(first, roundId);
    const observer = await first.client(observerToken);
    expectOk(await call(observer, "session:join", {}));
    breakExportBuilding(first);
    const seen = waitFor(observer, "session:state", (s) => s.status === "locked");

    // The lock itself happened: the reply says so, with no digest yet.
    expect(expectOk(await call(organizer, "round:lock", { roundId }))).toEqual({ digest: null });
    const locked = await seen;
    expect(locked.exporting).toBe(true);
    expect(locked.digest).toBeNull();
    await first.app.close();

    const second = await track(await startTestApp({ keyPrefix: first.keyPrefix }));
    const watcher = await second.client(observerToken);
    const state = expectOk(await call(watcher, "session:join", {})).state as SessionState;
    const finished =
      state.digest !== null
        ? state
        : await waitFor(watcher, "session:state", (s) => s.digest !== null);
    expect(finished.exporting).toBe(false);
    const file = await fetchExport(second.url, roundId, first.organizerToken);
    expect(file.digest).toBe(finished.digest);
    expect(file.ballots).toHaveLength(9);
    expect(verifyRoundExport(file).ok).toBe(true);
    // The digest shows before the landing in the records; the round leaves the set after it.
    await expect
      .poll(() => second.redis.smembers(second.app.services.keys.exportsPending), {
        timeout: 10_000,
      })
      .toEqual([]);
  });

  it("a join of a round left exporting finishes its export", async () => {
    // No periodic sweep on this node: only the join can finish it.
    const t = await track(await startTestApp());
    t.app.services.locks.finishPending = async () => [];
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 1, staff: 1 });
    const restore = breakExportBuilding(t);
    expect(expectOk(await call(organizer, "round:lock", { roundId })).digest).toBeNull();
    restore();
    const observer = await t.client(await scoreAndObserve(t, roundId));
    const state = expectOk(await call(observer, "session:join", {})).state;
    expect(state.exporting).toBe(false);
    expect(state.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the export builds and verifies for a round at the legal extremes", async () => {
    const t = await track(await startTestApp());
    const positions = Array.from({ length: 50 }, (_, i) => ({
      id: `P${i + 1}`,
      title: `岗位${i + 1}`.padEnd(120, "岗"),
      seats: 100,
    }));
    const candidates = Array.from({ length: 200 }, (_, i) => ({
      id: `C${i + 1}`,
      name: `竞聘人${i + 1}`,
      applications: [`P${(i % 50) + 1}`, `P${((i + 1) % 50) + 1}`],
    }));
    const groups = Array.from({ length: 20 }, (_, i) => ({
      id: `G${i + 1}`,
      label: `评委组${i + 1}`,
      weight: i % 2 === 0 ? 100 : 0.01,
    }));
    const rubric = Array.from({ length: 20 }, (_, i) => ({
      id: `K${i + 1}`,
      label: `要素${i + 1}`,
      max: 1000,
      step: 0.5,
    }));
    const file = {
      format: "jingpin-round/1",
      title: "最大的合法轮次".padEnd(120, "轮"),
      positions,
      candidates,
      rubric,
      groups,
      method: {
        trim: 1,
        trimMin: 3,
        speechWeight: 0.5,
        evaluationWeight: 0.5,
        inspectionRatio: 2,
        decimals: 6,
      },
      timers: { speechSeconds: 3600, defenseSeconds: 3600 },
    };
    const counts = Object.fromEntries(groups.map((g) => [g.id, 3]));
    const { roundId, cards, organizer } = await seedRound(t, counts, file);
    const scored = ["C1", "C2", "C200"];
    for (const candidateId of scored) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
    }
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    await Promise.all(
      phones.map(async (phone, i) => {
        for (const candidateId of scored) {
          // The largest and the smallest legal score on every criterion.
          const top = i % 2 === 0 ? 1000 : 0;
          const scores = Object.fromEntries(rubric.map((k) => [k.id, top]));
          expectOk(
            await call(phone, "ballot:submit", {
              candidateId,
              scores,
              nonce: `nonce-${candidateId}-${i}`,
              seq: 1,
            }),
          );
        }
        const choices = Object.fromEntries(candidates.map((c) => [c.id, "excellent"]));
        expectOk(
          await call(phone, "evaluation:submit", { choices, nonce: `evaluation-${i}`, seq: 1 }),
        );
      }),
    );
    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const exported = await fetchExport(t.url, roundId, t.organizerToken);
    expect(verifyRoundExport(exported).ok).toBe(true);
    expect(exported.ballots).toHaveLength(cards.length * scored.length);
    const numbers = JSON.stringify(exported.results).match(/-?\d+(\.\d+)?(e[+-]?\d+)?/g) ?? [];
    expect(numbers.every((n) => Number.isFinite(Number(n)))).toBe(true);
  });
});
