import { describe, expect, it } from "vitest";
import { call, expectOk } from "../utils/socket-client.ts";
import { seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const broken = () => Promise.reject(new Error("broadcast broken"));

describe("an action that happened is never answered internal", () => {
  it("round:lock: broadcasts fail after the lock, the ack is ok and the lock is audited", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 1, staff: 1 });
    const s = t.app.services;
    s.sessions.read = broken;
    s.results.screen = broken;
    const ack = await call(organizer, "round:lock", { roundId });
    expect(ack.ok).toBe(true);
    const trail = await s.audit.list(roundId);
    expect(trail.filter((e) => e.action === "round:lock")).toHaveLength(1);
  });

  it("link:create: the link and its one audit entry are written by one script", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 1, staff: 1 });
    const s = t.app.services;
    const ack = expectOk(await call(organizer, "link:create", { roundId, role: "chair" }));
    expect(await s.auth.resolve(ack.token)).toEqual({ role: "chair", roundId });
    const entries = (await s.audit.list(roundId)).filter((e) => e.action === "link:create");
    expect(entries).toEqual([expect.objectContaining({ role: "organizer", subject: "chair" })]);
  });

  it("link:create for a round that does not exist is refused and not audited", async () => {
    const organizer = await t.client(t.organizerToken);
    const res = await call(organizer, "link:create", { roundId: "rnowhere", role: "observer" });
    expect(res).toEqual({ ok: false, error: "round_not_found" });
    expect(await t.app.services.audit.list("rnowhere")).toEqual([]);
  });
});
