// A draft built in the console (issue 8): made empty with the default rules, its rules
// edited part by part and checked as the round file checks them, started only when whole.
import { describe, expect, it } from "vitest";
import { defaultDraft } from "../../shared/setup/default-rules.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

describe("a draft built in the console", () => {
  it("starts empty with the default rules, and cannot start until it has posts and candidates", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(
      await call(organizer, "round:create", {
        title: "2027年中层干部竞争上岗",
        requestId: "create-2027-0001",
      }),
    );
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file).toEqual(defaultDraft("2027年中层干部竞争上岗"));
    const listed = expectOk(await call(organizer, "round:list", {}));
    expect(listed.find((r) => r.id === roundId)).toMatchObject({ status: "draft" });

    const started = await call(organizer, "round:start", { roundId });
    expect(started).toMatchObject({ ok: false, error: "invalid_round_file" });
    const paths = !started.ok ? (started.issues ?? []).map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["positions", "candidates"]));
    expect((await call(organizer, "round:list", {})).ok).toBe(true);
    const after = expectOk(await call(organizer, "round:list", {}));
    expect(after.find((r) => r.id === roundId)?.status).toBe("draft");

    // Its file, incomplete as it is, imports again as a draft.
    const again = expectOk(await call(organizer, "round:import", { file }));
    expect(again.status).toBe("draft");
  });

  it("replaces the parts it is given, refuses a bad one with the entry named, and changes nothing then", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(
      await call(organizer, "round:create", { title: "演练", requestId: "create-yanlian-01" }),
    );
    const rubric = [
      { id: "speech", label: "演讲", max: 50, step: 1 },
      { id: "defense", label: "答辩", max: 50, step: 1 },
    ];
    const changed = expectOk(
      await call(organizer, "draft:rules", { roundId, rubric, timers: { speechSeconds: 240 } }),
    );
    expect(changed.file.rubric).toEqual(rubric);
    expect(changed.file.timers).toEqual({ speechSeconds: 240, defenseSeconds: 180 });
    expect(changed.file.groups).toEqual(defaultDraft("演练").groups);

    const method = { ...changed.file.method, speechWeight: 0.6 };
    const refused = await call(organizer, "draft:rules", { roundId, method });
    expect(refused).toMatchObject({ ok: false, error: "invalid_round_file" });
    expect(!refused.ok && refused.issues?.[0]?.path).toBe("method.speechWeight");
    const offStep = [{ id: "all", label: "总分", max: 99.5, step: 1 }];
    const refusedRubric = await call(organizer, "draft:rules", { roundId, rubric: offStep });
    expect(!refusedRubric.ok && refusedRubric.issues?.[0]?.path).toBe("rubric.0.max");
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file).toEqual(changed.file);

    const trail = expectOk(await call(organizer, "audit:list", { roundId })).map((e) => e.action);
    expect(trail).toEqual(["round:create", "draft:rules"]);
  });

  it("a rules change at the same moment as a save of the posts loses neither", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(
      await call(organizer, "round:create", { title: "同时编辑", requestId: "create-race-0001" }),
    );
    const post = (title: string) => ({
      title,
      seats: 1,
      termYears: 2,
      duties: "",
      conditionsText: "",
      conditions: {},
    });
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? call(organizer, "draft:rules", { roundId, timers: { speechSeconds: 200 + i } })
          : call(organizer, "posts:save", {
              roundId,
              posts: [post("办公室主任"), post(`岗位${i}`)],
            }),
      ),
    );
    for (const r of results) expect(r.ok).toBe(true);
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.positions).toHaveLength(2);
    expect(file.positions[0]?.title).toBe("办公室主任");
    expect([200, 202, 204, 206, 208]).toContain(file.timers.speechSeconds);
  });

  it("a retried creation makes no second round", async () => {
    const organizer = await t.client(t.organizerToken);
    const request = { title: "重试", requestId: "create-retry-0001" };
    const [a, b] = await Promise.all([
      call(organizer, "round:create", request),
      call(organizer, "round:create", { ...request, title: "重试（第二次）" }),
    ]);
    expect(expectOk(a).roundId).toBe(expectOk(b).roundId);
    const { file } = expectOk(
      await call(organizer, "round:file", { roundId: expectOk(a).roundId }),
    );
    expect(["重试", "重试（第二次）"]).toContain(file.title);
    const trail = expectOk(await call(organizer, "audit:list", { roundId: expectOk(a).roundId }));
    expect(trail.map((e) => e.action)).toEqual(["round:create"]);
  });

  it("refuses every rule change once the session has started", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
    );
    expect(await call(organizer, "draft:rules", { roundId, title: "改名" })).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(expectOk(await call(organizer, "round:file", { roundId })).file.title).toBe(
      DEMO_ROUND.title,
    );
  });
});
