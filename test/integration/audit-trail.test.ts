import { randomBytes } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, inject, it } from "vitest";
import type { StoredAuditEntry } from "../../server/records/audit-records.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import {
  DEMO_ROUND,
  deleteByPrefix,
  seedRound,
  startTestApp,
  type TestApp,
  useTestApp,
} from "../utils/test-app.ts";

const t = useTestApp();
const cleanups = useCleanups();

/** X and Z tie for P1's one seat (as in tie-decisions.test.ts), so the chair decides it. */
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

const action = (e: StoredAuditEntry) => (JSON.parse(e.body) as { action: string }).action;
const trailOf = (app: TestApp, roundId: string) => app.app.services.records.audit.list(roundId);

/** Each entry of the round's trail is chained to the one stored right before it. */
function expectChained(entries: StoredAuditEntry[]) {
  for (let i = 1; i < entries.length; i++) {
    expect(entries[i]?.prevHash).toBe(entries[i - 1]?.hash);
    expect(entries[i]?.seq).toBeGreaterThan(entries[i - 1]?.seq ?? 0);
  }
}

/** A session from the import to the lock, with a chair and a voter; returns the staff actions. */
async function session(): Promise<{ roundId: string; organizer: ClientSocket; actions: string[] }> {
  const { roundId, cards, organizer } = await seedRound(t, { leaders: 1 }, tieRound);
  const actions = ["round:import", "round:start", "cards:issue"];
  const chair = await t.client(
    expectOk(await call(organizer, "link:create", { roundId, role: "chair" })).token,
  );
  actions.push("link:create");
  const phone = await t.client(cards[0]?.token ?? "");
  for (const id of ["X", "Z", "W"] as const) {
    expectOk(await call(chair, "session:goto", { roundId, candidateId: id }));
    expectOk(await call(chair, "scoring:open", { roundId, candidateId: id }));
    const scores = { knowledge: 30, skills: 30, quality: TOTALS[id] - 60 };
    expectOk(
      await call(phone, "ballot:submit", {
        candidateId: id,
        scores,
        nonce: `nonce-${id}-1`,
        seq: 1,
      }),
    );
    expectOk(await call(chair, "scoring:close", { roundId, candidateId: id }));
    expectOk(await call(chair, "result:reveal", { roundId, candidateId: id }));
    actions.push("session:goto", "scoring:open", "scoring:close", "result:reveal");
  }
  expectOk(
    await call(chair, "tie:decide", {
      roundId,
      positionId: "P1",
      chosen: ["Z"],
      reason: "任现职时间更长",
    }),
  );
  actions.push("tie:decide");
  return { roundId, organizer, actions };
}

describe("the audit trail in PostgreSQL", () => {
  it("holds every staff action of a session in order, chained, and never a voter's", async () => {
    const { roundId, organizer, actions } = await session();
    // Before the lock: the outbox drained into the records on demand (the sweep does it too).
    await t.app.services.audit.drain(roundId);
    expect((await trailOf(t, roundId)).map(action)).toEqual(actions);

    expectOk(await call(organizer, "round:lock", { roundId }));
    actions.push("round:lock");
    const trail = await trailOf(t, roundId);
    expect(trail.map(action)).toEqual(actions);
    expectChained(trail);
    expect(await t.app.services.records.audit.verify()).toMatchObject({ ok: true });
    // Voters' actions are never recorded: no ballot, no card of a voter as the actor.
    for (const e of trail) {
      expect(JSON.parse(e.body)).toMatchObject({
        role: expect.stringMatching(/^(organizer|chair)$/),
      });
    }
    expect(trail.some((e) => /ballot|evaluation:submit/.test(action(e)))).toBe(false);
  });

  it("the observer reads the trail after the lock has landed and Redis has forgotten the round", async () => {
    const { roundId, organizer, actions } = await session();
    const observer = await t.client(
      expectOk(await call(organizer, "link:create", { roundId, role: "observer" })).token,
    );
    actions.push("link:create");
    expectOk(await call(organizer, "round:lock", { roundId }));
    actions.push("round:lock");
    expect((await t.app.services.records.rounds.get(roundId))?.status).toBe("locked");
    expect(await t.redis.exists(t.app.services.keys.audit(roundId))).toBe(0);
    expect(await t.app.services.audit.pending()).not.toContain(roundId);
    const listed = expectOk(await call(observer, "audit:list", { roundId }));
    expect(listed.map((e) => e.action)).toEqual(actions);
    expect(listed.find((e) => e.action === "tie:decide")).toMatchObject({
      role: "chair",
      subject: "P1",
      note: expect.stringContaining("任现职时间更长"),
    });
  });

  it("a records action writes its entry in its own transaction, and a refused one none", async () => {
    const organizer = await t.client(t.organizerToken);
    const entries = async (roundId: string) => (await trailOf(t, roundId)).map(action);
    // No drain: these entries are in the records the moment the command answers.
    const draft = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND })).roundId;
    expect(await entries(draft)).toEqual(["round:import"]);
    expectOk(await call(organizer, "round:import", { file: DEMO_ROUND, roundId: draft }));
    expectOk(await call(organizer, "round:delete", { roundId: draft }));
    expect(await entries(draft)).toEqual(["round:import", "round:import", "round:delete"]);

    const formal = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND })).roundId;
    expectOk(await call(organizer, "round:start", { roundId: formal }));
    expect(await entries(formal)).toEqual(["round:import", "round:start"]);
    const refused = await call(organizer, "round:delete", { roundId: formal });
    expect(refused).toEqual({ ok: false, error: "round_not_deletable" });
    const early = await call(organizer, "round:archive", { roundId: formal });
    expect(early.ok).toBe(false);
    expect(await entries(formal)).toEqual(["round:import", "round:start"]);

    expectOk(await call(organizer, "round:lock", { roundId: formal }));
    expectOk(await call(organizer, "round:archive", { roundId: formal }));
    expect(await entries(formal)).toEqual([
      "round:import",
      "round:start",
      "round:lock",
      "round:archive",
    ]);
  });

  it("PostgreSQL refuses UPDATE, DELETE and TRUNCATE on the trail", async () => {
    const organizer = await t.client(t.organizerToken);
    expectOk(await call(organizer, "round:import", { file: DEMO_ROUND }));
    for (const statement of [
      "update audit_entries set body = '{}'",
      "delete from audit_entries",
      "truncate audit_entries",
    ]) {
      await expect(sql.raw(statement).execute(t.db)).rejects.toMatchObject({ code: "JP005" });
    }
    expect(await t.app.services.records.audit.verify()).toMatchObject({ ok: true });
  });

  it("two nodes draining one outbox at once store each entry exactly once", async () => {
    const keyPrefix = `${inject("redisKeyPrefix")}audit2-${randomBytes(3).toString("hex")}:`;
    const nodes = await Promise.all(
      [0, 1].map(() => cleanups.track(startTestApp({ keyPrefix, databaseUrl: t.databaseUrl }))),
    );
    const [a, b] = nodes as [TestApp, TestApp];
    cleanups.defer(() => deleteByPrefix(t.redis, keyPrefix));
    const { roundId, organizer } = await seedRound(a, { leaders: 2 });
    const candidates = DEMO_ROUND.candidates.map((c) => c.id);
    let acting = true;
    const drainer = async (node: TestApp) => {
      while (acting) await node.app.services.audit.drain(roundId);
    };
    const act = async () => {
      for (let i = 0; i < 50; i++) {
        const candidateId = candidates[i % candidates.length] ?? "C1";
        expectOk(await call(organizer, "session:goto", { roundId, candidateId }));
      }
      acting = false;
    };
    await Promise.all([act(), drainer(a), drainer(b)]);
    await Promise.all([a.app.services.audit.drain(roundId), b.app.services.audit.drain(roundId)]);
    const trail = await trailOf(a, roundId);
    expect(trail.map(action)).toEqual([
      "round:import",
      "round:start",
      "cards:issue",
      ...Array(50).fill("session:goto"),
    ]);
    expect(new Set(trail.map((e) => e.entryId)).size).toBe(trail.length);
    expect(trail.map((e) => JSON.parse(e.body).subject).slice(3)).toEqual(
      Array.from({ length: 50 }, (_, i) => candidates[i % candidates.length]),
    );
    expect(await a.app.services.records.audit.verify()).toMatchObject({ ok: true });
    expect(await a.redis.llen(a.app.services.keys.audit(roundId))).toBe(0);
  });

  it("an action on a landed round reaches the records too (the sweep drains its outbox)", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1 });
    expectOk(await call(organizer, "round:lock", { roundId }));
    expectOk(await call(organizer, "round:activate", { roundId }));
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    // Bounded wait for the sweep (every 2 s), checked every 100 ms.
    let trail: string[] = [];
    for (let i = 0; i < 60 && trail.length < 6; i++) {
      trail = (await trailOf(t, roundId)).map(action);
      if (trail.length < 6) await new Promise((r) => setTimeout(r, 100));
    }
    // The activation went through the outbox, the final reveal straight to the records.
    expect(trail).toEqual([
      "round:import",
      "round:start",
      "cards:issue",
      "round:lock",
      "result:reveal",
      "round:activate",
    ]);
    expect(await t.redis.exists(t.app.services.keys.audit(roundId))).toBe(0);
    expect(await t.app.services.audit.pending()).not.toContain(roundId);
  });
});
