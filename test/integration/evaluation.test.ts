import { describe, expect, it } from "vitest";
import { verifyRoundExport } from "../../shared/round-export.ts";
import { formatScore } from "../../shared/scoring/index.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, fetchExport, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

function at<T>(list: T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

/** A speech ballot with this total: 30 + 30 + (total − 60). */
const ballotOf = (total: number) => ({ knowledge: 30, skills: 30, quality: total - 60 });

describe("the democratic evaluation", () => {
  it("reproduces the worked example of the scoring specification over sockets", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 3, middle: 5, staff: 2 });
    const byGroup = (g: string) => cards.filter((c) => c.group === g);
    const plan = [
      ...byGroup("leaders").map((c, i) => ({
        c,
        total: [88, 90, 92][i],
        option: ["excellent", "excellent", "competent"][i],
      })),
      ...byGroup("middle").map((c, i) => ({
        c,
        total: [80, 85, 70, 95, 90][i],
        option: ["competent", "competent", "competent", "competent", "unknown"][i],
      })),
      ...byGroup("staff").map((c, i) => ({
        c,
        total: [60, 75][i],
        option: ["basic", "competent"][i],
      })),
    ];
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C6" }));
    const phones = await Promise.all(plan.map((p) => t.client(p.c.token)));
    for (const [i, p] of plan.entries()) {
      const scores = ballotOf(p.total ?? 0);
      expectOk(
        await call(at(phones, i), "ballot:submit", {
          candidateId: "C6",
          scores,
          nonce: `speech-${i}-x`,
          seq: 1,
        }),
      );
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C6" }));
    expect(
      expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C6" })).speech,
    ).toBeCloseTo(81.75, 9);

    // Not open yet: refused; then every card evaluates C6 (and C1 for some, blank for others).
    const first = { choices: { C6: "excellent" }, nonce: "eval-too-early", seq: 1 };
    expect(await call(at(phones, 0), "evaluation:submit", first)).toEqual({
      ok: false,
      error: "evaluation_closed",
    });
    const opened = expectOk(await call(organizer, "evaluation:open", { roundId }));
    expect(opened).toMatchObject({ evaluation: "open", screen: "evaluation" });
    const projector = await t.client(
      expectOk(await call(organizer, "server:info", {})).projectorToken,
    );
    expectOk(await call(projector, "session:join", {}));
    const allIn = waitFor(
      projector,
      "tally:updated",
      (p) => Object.values(p.evaluated).reduce((a, b) => a + b, 0) === 10,
    );
    for (const [i, p] of plan.entries()) {
      const choices: Record<string, string> = { C6: p.option ?? "" };
      if (i % 2 === 0) choices.C1 = "basic";
      expectOk(
        await call(at(phones, i), "evaluation:submit", {
          choices,
          nonce: `eval-${i}-first`,
          seq: 1,
        }),
      );
    }
    expect((await allIn).evaluated).toEqual({ leaders: 3, middle: 5, staff: 2 });

    // A revision that leaves C1 blank removes the earlier C1 choice; a re-send counts once.
    const revision = { choices: { C6: plan[0]?.option ?? "" }, nonce: "eval-0-second", seq: 2 };
    const a = expectOk(await call(at(phones, 0), "evaluation:submit", revision));
    expect(expectOk(await call(at(phones, 0), "evaluation:submit", revision))).toEqual({
      receipt: a.receipt,
      duplicate: true,
    });
    expect(expectOk(await call(at(phones, 0), "session:join", {})).myEvaluation).toEqual({
      choices: { C6: "excellent" },
      receipt: a.receipt,
      seq: 2,
    });
    expect(
      await call(at(phones, 1), "evaluation:submit", {
        choices: { C6: "nope" },
        nonce: "eval-bad-option",
        seq: 9,
      }),
    ).toEqual({
      ok: false,
      error: "invalid_choices",
    });

    expect(await call(organizer, "evaluation:reveal", { roundId })).toEqual({
      ok: false,
      error: "scoring_still_open",
    });
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    expect(
      await call(at(phones, 1), "evaluation:submit", {
        choices: {},
        nonce: "eval-after-close",
        seq: 5,
      }),
    ).toEqual({
      ok: false,
      error: "evaluation_closed",
    });
    const shown = waitFor(projector, "screen:updated", (s) => s.evaluation !== null);
    const evaluation = expectOk(await call(organizer, "evaluation:reveal", { roundId }));
    const c6 = evaluation.C6;
    expect(c6?.evaluation).toBeCloseTo(82.333333333, 8);
    expect(c6?.favourableRate).toBe(0.8);
    expect(c6?.evaluationCounts).toEqual({
      excellent: 2,
      competent: 6,
      basic: 1,
      incompetent: 0,
      unknown: 1,
    });
    expect(evaluation.C1?.evaluationsCast).toBe(4); // cards 2, 4, 6, 8 (card 0 revised it away)
    const screen = await shown;
    expect(screen.evaluation?.C6?.favourableRate).toBe(0.8);
    // The revealed speech result now carries its composite, as the ranking will.
    expect(screen.results.C6?.composite).toBeCloseTo(81.925, 9);
    expect(await call(organizer, "evaluation:open", { roundId })).toEqual({
      ok: false,
      error: "bad_state",
    });

    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.digest).toBe(digest);
    expect(file.evaluations).toHaveLength(14);
    const final = file.results.candidates.find((c) => c.id === "C6");
    expect(final?.composite).toBeCloseTo(81.925, 9);
    expect(formatScore(final?.composite ?? null, 2)).toBe("81.93");
    expect(verifyRoundExport(file).ok).toBe(true);
  });

  it("a tie at the quota edge is decided by the chair with a reason, audited and exported", async () => {
    const tieRound = {
      ...DEMO_ROUND,
      positions: [{ id: "P", title: "办公室主任", seats: 1 }],
      candidates: ["A", "B", "C"].map((id) => ({ id, name: `候选人${id}`, applications: ["P"] })),
      speakingOrder: ["A", "B", "C"],
      method: { ...DEMO_ROUND.method, speechWeight: 1, evaluationWeight: 0 },
    };
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1 }, tieRound);
    const phone = await t.client(cards[0]?.token ?? "");
    for (const [id, total] of [
      ["A", 90],
      ["B", 80],
      ["C", 80],
    ] as const) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: id }));
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId: id,
          scores: ballotOf(total),
          nonce: `tie-${id}-ballot`,
          seq: 1,
        }),
      );
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId: id }));
    }
    const decide = (chosen: string[]) =>
      call(organizer, "tie:decide", {
        roundId,
        positionId: "P",
        chosen,
        reason: "经局党组研究决定",
      });
    expect(await decide(["A"])).toEqual({ ok: false, error: "invalid_decision" });
    expect(await decide(["B", "C"])).toEqual({ ok: false, error: "invalid_decision" });
    const decision = expectOk(await decide(["C"]));
    expect(decision).toMatchObject({ positionId: "P", chosen: ["C"], reason: "经局党组研究决定" });

    // A chair that reloads sees the decision again.
    const chair = await t.client(
      expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token,
    );
    expect(expectOk(await call(chair, "session:join", {})).decisions).toEqual([decision]);
    expect(expectOk(await call(phone, "session:join", {})).decisions).toBeNull();

    const audit = expectOk(await call(organizer, "audit:list", { roundId }));
    expect(audit.map((e) => e.action)).toContain("tie:decide");
    expect(audit.find((e) => e.action === "tie:decide")).toMatchObject({
      subject: "P",
      note: "经局党组研究决定",
    });
    expect(audit.filter((e) => e.action === "scoring:open").map((e) => e.subject)).toEqual([
      "A",
      "B",
      "C",
    ]);
    expect(JSON.stringify(audit)).not.toContain(cards[0]?.id ?? "-");

    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.results.positions[0]).toMatchObject({
      ranking: ["A", "B", "C"],
      ties: [["B", "C"]],
      targets: ["A", "B", "C"],
      edgeTie: true,
    });
    expect(file.decisions).toEqual([decision]);
    expect(verifyRoundExport(file).ok).toBe(true);
    expect(await decide(["B"])).toEqual({ ok: false, error: "round_locked" });
  });
});
