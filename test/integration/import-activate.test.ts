import { describe, expect, it } from "vitest";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const activeId = async (organizer: ClientSocket) =>
  expectOk(await call(organizer, "round:list", {})).find((r) => r.active)?.id ?? null;

const other = { ...DEMO_ROUND, title: "第三轮科级干部竞争上岗" };

describe("starting a round while another is live", () => {
  it("an unused round on the projector gives it to the new import", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    const draft = expectOk(await call(organizer, "round:import", { file: other }));
    // A draft never takes the projector: only a started round can be shown.
    expect(draft).toEqual({
      roundId: draft.roundId,
      status: "draft",
      configSha256: null,
      activated: false,
      liveRound: null,
    });
    expect(await activeId(organizer)).toBe(roundId);
    const res = expectOk(await call(organizer, "round:start", { roundId: draft.roundId }));
    expect(res).toEqual({
      roundId: draft.roundId,
      configSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      activated: true,
      liveRound: null,
    });
    expect(await activeId(organizer)).toBe(res.roundId);
    expect(res.roundId).not.toBe(roundId);
  });

  it("a live round keeps the projector and is named; activating it is audited", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C1" }));
    const list = expectOk(await call(organizer, "round:list", {}));
    expect(list.find((r) => r.id === roundId)).toMatchObject({ active: true, live: true });

    const kept = expectOk(await call(organizer, "round:import", { file: other, start: true }));
    expect(kept).toEqual({
      roundId: kept.roundId,
      status: "session",
      configSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      activated: false,
      liveRound: { id: roundId, title: DEMO_ROUND.title },
    });
    expect(await activeId(organizer)).toBe(roundId);
    const never = expectOk(
      await call(organizer, "round:import", { file: other, start: true, activate: false }),
    );
    expect(never.activated).toBe(false);
    expect(await activeId(organizer)).toBe(roundId);

    expectOk(await call(organizer, "round:activate", { roundId: kept.roundId }));
    expect(await activeId(organizer)).toBe(kept.roundId);
    const trail = expectOk(await call(organizer, "audit:list", { roundId: kept.roundId }));
    expect(trail.map((e) => e.action)).toEqual(["round:import", "round:start", "round:activate"]);
  });

  it("activate: true takes the projector from a live round", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const res = expectOk(
      await call(organizer, "round:import", { file: other, start: true, activate: true }),
    );
    expect(res.activated).toBe(true);
    expect(await activeId(organizer)).toBe(res.roundId);
  });

  it("a locked round is not live", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "round:lock", { roundId }));
    const res = expectOk(await call(organizer, "round:import", { file: other, start: true }));
    expect(res.activated).toBe(true);
  });

  it("activating an unknown round changes nothing and records nothing", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expect(await call(organizer, "round:activate", { roundId: "rnowhere" })).toEqual({
      ok: false,
      error: "round_not_found",
    });
    expect(await activeId(organizer)).toBe(roundId);
  });
});
