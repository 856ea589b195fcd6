import { describe, expect, it } from "vitest";
import { call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

describe("round:list", () => {
  it("hides an archived round, and lists only the archived ones when asked", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    const draft = expectOk(
      await call(organizer, "round:import", { file: { ...DEMO_ROUND, title: "草稿" } }),
    ).roundId;
    expectOk(await call(organizer, "round:lock", { roundId }));
    expectOk(await call(organizer, "round:archive", { roundId }));

    const ids = async (archived?: boolean) =>
      expectOk(await call(organizer, "round:list", archived === undefined ? {} : { archived }))
        .map((r) => r.id)
        .sort();
    expect(await ids()).toEqual([draft]);
    expect(await ids(false)).toEqual([draft]);
    expect(await ids(true)).toEqual([roundId]);
    const [archived] = expectOk(await call(organizer, "round:list", { archived: true }));
    expect(archived).toMatchObject({ status: "locked", archived: true, archiving: false });
  });

  it("refuses a payload that is not a yes or no", async () => {
    const organizer = await t.client(t.organizerToken);
    const res = await call(organizer, "round:list", { archived: "yes" as unknown as boolean });
    expect(res).toEqual({ ok: false, error: "invalid_payload" });
  });
});
