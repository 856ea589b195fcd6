import { describe, expect, it } from "vitest";
import { ROUND_EXPORT_FORMAT, verifyRoundExport } from "../../shared/round-export.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, fetchExport, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

/**
 * X and Z tie for P1's one place; X also applied to P2, where W is behind X. A decision for
 * Z at P1 sends X on to P2, which then inspects X instead of W.
 */
const tieRound = {
  ...DEMO_ROUND,
  positions: [
    { id: "P1", title: "办公室主任", seats: 1 },
    { id: "P2", title: "政策法规科科长", seats: 1 },
  ],
  candidates: [
    { id: "X", name: "张伟", applications: ["P1", "P2"] },
    { id: "Z", name: "李娜", applications: ["P1"] },
    { id: "W", name: "王强", applications: ["P2"] },
  ],
  speakingOrder: ["X", "Z", "W"],
  method: { ...DEMO_ROUND.method, speechWeight: 1, evaluationWeight: 0, inspectionRatio: 1 },
};
const TOTALS = { X: 80, Z: 80, W: 70 } as const;
const ballotOf = (total: number) => ({ knowledge: 30, skills: 30, quality: total - 60 });

async function scoredRound(ids: (keyof typeof TOTALS)[]) {
  const seeded = await seedRound(t, { leaders: 1 }, tieRound);
  const { roundId, cards, organizer } = seeded;
  const phone = await t.client(cards[0]?.token ?? "");
  for (const id of ids) {
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: id }));
    const scores = ballotOf(TOTALS[id]);
    expectOk(
      await call(phone, "ballot:submit", {
        candidateId: id,
        scores,
        nonce: `nonce-${id}-1`,
        seq: 1,
      }),
    );
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: id }));
  }
  return seeded;
}

const decide = (organizer: ClientSocket, roundId: string, chosen: string[]) =>
  call(organizer, "tie:decide", { roundId, positionId: "P1", chosen, reason: "任现职时间更长" });

describe("tie decisions in the count", () => {
  it("a decision reaches the projector as a settled ranking, and the export carries it", async () => {
    const { roundId, organizer } = await scoredRound(["X", "Z", "W"]);
    for (const id of ["X", "Z", "W"]) {
      expectOk(await call(organizer, "result:reveal", { roundId, candidateId: id }));
    }
    expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));
    const info = expectOk(await call(organizer, "server:info", {}));
    const projector = await t.client(info.projectorToken);
    const joined = expectOk(await call(projector, "session:join", { roundId }));
    const [p1, p2] = joined.screen?.ranking ?? [];
    expect(p1?.finalTargets).toEqual(["X", "Z"]);
    expect(p1?.quotaTies).toEqual([{ tied: ["X", "Z"], seats: 1, decision: null }]);
    expect(p2?.finalTargets).toEqual(["W"]);

    const settled = waitFor(projector, "screen:updated", (s) =>
      (s.ranking ?? []).some((p) => p.id === "P1" && p.quotaTies[0]?.decision === 0),
    );
    const decision = expectOk(await decide(organizer, roundId, ["Z"]));
    expect(decision).toMatchObject({ chosen: ["Z"], tied: ["X", "Z"] });
    const screen = await settled;
    expect(screen.ranking?.map((p) => p.finalTargets)).toEqual([["Z"], ["X"]]);
    expect(screen.decisions).toEqual([decision]);

    // Audited in the decision's own script, once.
    const audit = expectOk(await call(organizer, "audit:list", { roundId }));
    expect(audit.filter((e) => e.action === "tie:decide")).toHaveLength(1);

    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.format).toBe(ROUND_EXPORT_FORMAT);
    expect(file.decisions).toEqual([decision]);
    expect(file.results.positions.map((p) => [p.id, p.targets, p.finalTargets])).toEqual([
      ["P1", ["X", "Z"], ["Z"]],
      ["P2", ["W"], ["X"]],
    ]);
    expect(verifyRoundExport(file).ok).toBe(true);
  });

  it("reopening scoring for a tied candidate voids the decision, atomically, and says so", async () => {
    const { roundId, organizer } = await scoredRound(["X", "Z"]);
    const chair = await t.client(
      expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token,
    );
    expectOk(await call(chair, "session:join", {}));
    expectOk(await decide(organizer, roundId, ["Z"]));

    const voidedOnScreen = waitFor(chair, "screen:updated", (s) =>
      s.decisions.some((d) => d.voided !== undefined),
    );
    const reopened = expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "X" }));
    expect(reopened.voidedDecisions).toEqual(["P1"]);
    expect(reopened.windows.X).toBe("open");
    const screen = await voidedOnScreen;
    expect(screen.decisions[0]?.voided).toMatchObject({ candidateId: "X" });

    const audit = expectOk(await call(organizer, "audit:list", { roundId }));
    expect(audit.filter((e) => e.action === "tie:void")).toEqual([
      expect.objectContaining({ subject: "P1", note: "X", role: "organizer" }),
    ]);
    // Reopening again voids nothing more; the decision stays in the record.
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "X" }));
    const again = expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "X" }));
    expect(again.voidedDecisions).toEqual([]);
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "X" }));

    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.decisions).toHaveLength(1);
    expect(file.decisions[0]?.voided?.candidateId).toBe("X");
    // The voided decision settles nothing: P1's tie is open again.
    expect(file.results.positions[0]).toMatchObject({
      finalTargets: ["X", "Z"],
      quotaTies: [{ tied: ["X", "Z"], seats: 1, decision: null }],
    });
    expect(verifyRoundExport(file).ok).toBe(true);
  });

  it("refuses, in the same step, a decision on a tie whose scoring was reopened meanwhile", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 }, tieRound);
    for (const candidateId of ["X", "Z"]) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "X" }));
    // Z's scoring is open again, as after a reopening that raced the chair's decision.
    const decision = {
      positionId: "P1",
      chosen: ["Z"],
      tied: ["X", "Z"],
      reason: "任现职时间更长",
      decidedAt: new Date().toISOString(),
    };
    const s = t.app.services;
    const audit = s.audit.write({ role: "chair", roundId }, roundId, "tie:decide");
    expect(await s.decisions.append(roundId, decision, audit)).toBe("invalid_decision");
    expect(await s.decisions.list(roundId)).toEqual([]);
    expect((await s.audit.list(roundId)).map((e) => e.action)).not.toContain("tie:decide");

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "Z" }));
    expect(await s.decisions.append(roundId, decision, audit)).toBe("ok");
  });
});
