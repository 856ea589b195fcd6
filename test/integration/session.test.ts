import { describe, expect, it } from "vitest";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

describe("the chair runs the session", () => {
  it("timers run on the shared server clock: start, stop keeps the time left, start resumes", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expect(await call(organizer, "timer:start", { roundId, kind: "speech" })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C1" }));
    const started = expectOk(await call(organizer, "timer:start", { roundId, kind: "speech" }));
    expect(started.timer).toMatchObject({
      kind: "speech",
      durationMs: 300_000,
      remainingMs: 300_000,
    });
    expect(started.timer?.startedAt).toBeGreaterThan(0);
    expect(Math.abs((started.timer?.startedAt ?? 0) - started.serverNow)).toBeLessThan(1000);

    const stopped = expectOk(await call(organizer, "timer:stop", { roundId }));
    expect(stopped.timer?.startedAt).toBeNull();
    const left = stopped.timer?.remainingMs ?? 0;
    expect(left).toBeLessThanOrEqual(300_000);
    expect(left).toBeGreaterThan(290_000);

    const resumed = expectOk(await call(organizer, "timer:start", { roundId, kind: "speech" }));
    expect(resumed.timer?.remainingMs).toBe(left);
    expect(resumed.timer?.startedAt).not.toBeNull();

    const defense = expectOk(await call(organizer, "timer:start", { roundId, kind: "defense" }));
    expect(defense.timer).toMatchObject({
      kind: "defense",
      durationMs: 180_000,
      remainingMs: 180_000,
    });
    // Moving on resets the timer for the next speaker.
    const next = expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C2" }));
    expect(next.timer).toBeNull();
    expect(next.currentCandidateId).toBe("C2");
    expect(next.version).toBeGreaterThan(defense.version);
  });

  it("reveals only closed candidates, and the projector gets results and the ranking", async () => {
    const speechOnly = {
      ...DEMO_ROUND,
      method: { ...DEMO_ROUND.method, speechWeight: 1, evaluationWeight: 0 },
    };
    const { roundId, cards, organizer } = await seedRound(
      t,
      { leaders: 1, middle: 1, staff: 1 },
      speechOnly,
    );
    const projector = await t.client(
      expectOk(await call(organizer, "server:info", {})).projectorToken,
    );
    const joined = expectOk(await call(projector, "session:join", {}));
    expect(joined.screen).toEqual({
      roundId,
      version: expect.any(Number),
      results: {},
      ranking: null,
      evaluation: null,
      decisions: [],
      question: null,
    });

    expect(await call(organizer, "result:reveal", { roundId, candidateId: "C1" })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C6" }));
    expect(await call(organizer, "result:reveal", { roundId, candidateId: "C1" })).toEqual({
      ok: false,
      error: "scoring_still_open",
    });
    // leaders 90, middle 80, staff 60 for C1 (office, law); 50 each for C6 (office).
    const totals = [
      [30, 30, 30],
      [30, 20, 30],
      [20, 20, 20],
    ];
    for (const [i, card] of cards.entries()) {
      const phone = await t.client(card.token);
      const [k, s, q] = totals[i] ?? [0, 0, 0];
      const scores = { knowledge: k ?? 0, skills: s ?? 0, quality: q ?? 0 };
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C1",
          scores,
          nonce: `reveal-${i}-c1`,
          seq: 1,
        }),
      );
      const half = { knowledge: 15, skills: 15, quality: 20 };
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: "C6",
          scores: half,
          nonce: `reveal-${i}-c6`,
          seq: 1,
        }),
      );
    }
    for (const c of ["C1", "C6"])
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId: c }));

    const shown = waitFor(projector, "screen:updated", (s) => s.results.C1 !== undefined);
    const onScreen = waitFor(
      projector,
      "session:state",
      (s) => s.screen === "result" && s.shownCandidateId === "C1",
    );
    const result = expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    // 0.4·90 + 0.3·80 + 0.3·60 = 78
    expect(result.speech).toBeCloseTo(78, 9);
    expect(result.criteria).toEqual({
      knowledge: 0.4 * 30 + 0.3 * 30 + 0.3 * 20,
      skills: 0.4 * 30 + 0.3 * 20 + 0.3 * 20,
      quality: 0.4 * 30 + 0.3 * 30 + 0.3 * 20,
    });
    expect((await shown).results.C1?.speech).toBeCloseTo(78, 9);
    await onScreen;
    // C6 is closed but not revealed: nothing of it reaches the screen.
    expect((await shown).results.C6).toBeUndefined();

    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C6" }));
    const ranked = waitFor(projector, "screen:updated", (s) => s.ranking !== null);
    expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));
    const ranking = (await ranked).ranking ?? [];
    expect(ranking.find((p) => p.id === "office")?.ranking).toEqual(["C1", "C6"]);
    expect(ranking.find((p) => p.id === "law")?.ranking).toEqual(["C1"]);
  });

  it("a late joiner gets the current state, progress and revealed results", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, staff: 3 });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C3" }));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
    const phone = await t.client(cards[0]?.token ?? "");
    expectOk(
      await call(phone, "ballot:submit", {
        candidateId: "C3",
        scores: { knowledge: 1, skills: 2, quality: 3 },
        nonce: "late-joiner",
        seq: 1,
      }),
    );
    const chairToken = expectOk(
      await call(organizer, "link:create", { roundId, role: "chair" }),
    ).token;
    const chair = await t.client(chairToken);
    const snap = expectOk(await call(chair, "session:join", {}));
    expect(snap.role).toBe("chair");
    expect(snap.state.currentCandidateId).toBe("C3");
    expect(snap.progress?.cards).toEqual({ leaders: 2, staff: 3 });
    expect(snap.progress?.scored.C3).toEqual({ leaders: 1 });
    expect(snap.mine).toBeNull();
    const voter = expectOk(await call(phone, "session:join", {}));
    expect(voter.progress).toBeNull();
    expect(voter.screen).toBeNull();
    expect(voter.group).toBe(cards[0]?.group);
  });

  it("a second click that changes nothing is answered ok and audited once", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    for (let i = 0; i < 2; i++) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    }
    // Reopening a closed window and closing it again are changes; closing a closed one is not.
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    const actions = (await t.app.services.audit.list(roundId)).map((e) => e.action);
    expect(actions.filter((a) => a === "scoring:open")).toHaveLength(2);
    expect(actions.filter((a) => a === "scoring:close")).toHaveLength(2);
    expect(actions.filter((a) => a === "evaluation:open")).toHaveLength(1);
  });
});
