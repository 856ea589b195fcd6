// A round's life cycle through the commands: draft, start (rules frozen), lock, archive or
// delete (issue 7, items 3, 4 and 10).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { RoundFile } from "../../shared/round-file.ts";
import { sha256Hex } from "../../shared/sha256.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

describe("a round's life cycle", () => {
  it("a draft is corrected by re-import, refuses live commands, and is frozen by its start", async () => {
    const organizer = await t.client(t.organizerToken);
    const draft = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND }));
    expect(draft.status).toBe("draft");
    const { roundId } = draft;
    const issue = { roundId, counts: { leaders: 1 }, requestId: randomUUID() };
    expect(await call(organizer, "cards:issue", issue)).toEqual({
      ok: false,
      error: "round_not_started",
    });
    expect(await call(organizer, "session:join", { roundId })).toEqual({
      ok: false,
      error: "round_not_started",
    });

    const corrected = { ...DEMO_ROUND, title: "第二轮中层干部竞争上岗（更正）" };
    expectOk(await call(organizer, "round:import", { file: corrected, roundId }));
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file).toEqual(RoundFile.parse(corrected));
    const listed = expectOk(await call(organizer, "round:list", {}));
    expect(listed.find((r) => r.id === roundId)).toMatchObject({
      title: corrected.title,
      status: "draft",
      kind: "formal",
      configSha256: null,
    });

    const started = expectOk(await call(organizer, "round:start", { roundId }));
    expect(started.configSha256).toBe(sha256Hex(canonicalJson(RoundFile.parse(corrected))));
    const joined = expectOk(await call(organizer, "session:join", { roundId }));
    expect(joined.configSha256).toBe(started.configSha256);
    expect(joined.round.title).toBe(corrected.title);
    expect(await call(organizer, "round:import", { file: DEMO_ROUND, roundId })).toEqual({
      ok: false,
      error: "round_frozen",
    });
    // The database itself refuses a change to the frozen rules.
    await expect(
      t.db.updateTable("rounds").set({ title: "改过的" }).where("id", "=", roundId).execute(),
    ).rejects.toMatchObject({ code: "JP003" });
    expect(await call(organizer, "round:delete", { roundId })).toEqual({
      ok: false,
      error: "round_not_deletable",
    });
    expect(await call(organizer, "round:archive", { roundId })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(await call(organizer, "cards:issue", issue));
  });

  it("a locked round is archived, never deleted; a rehearsal round is deleted even locked", async () => {
    const organizer = await t.client(t.organizerToken);
    const formal = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
    ).roundId;
    const rehearsal = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true, rehearsal: true }),
    ).roundId;
    for (const roundId of [formal, rehearsal]) {
      expectOk(await call(organizer, "round:lock", { roundId }));
    }
    expect(await call(organizer, "round:delete", { roundId: formal })).toEqual({
      ok: false,
      error: "round_not_deletable",
    });
    expectOk(await call(organizer, "round:archive", { roundId: formal }));
    expectOk(await call(organizer, "round:delete", { roundId: rehearsal }));

    const shown = expectOk(await call(organizer, "round:list", {})).map((r) => r.id);
    expect(shown).not.toContain(formal);
    expect(shown).not.toContain(rehearsal);
    const archived = expectOk(await call(organizer, "round:list", {}));
    expect(archived.some((r) => r.id === rehearsal)).toBe(false);
    const exported = await t.db
      .selectFrom("round_exports")
      .select("round_id")
      .where("round_id", "in", [formal, rehearsal])
      .execute();
    expect(exported.map((r) => r.round_id)).toEqual([formal]);
    // Deletions and archiving are in the trail, which outlives the deleted round.
    const trail = await t.db
      .selectFrom("audit_entries")
      .select(["round_id", "body"])
      .where("round_id", "in", [formal, rehearsal])
      .execute();
    const actions = trail.map(
      (e) => `${e.round_id === formal ? "formal" : "rehearsal"} ${JSON.parse(e.body).action}`,
    );
    expect(actions).toContain("formal round:archive");
    expect(actions).toContain("rehearsal round:delete");
  });

  it("a draft is deleted with its links to people and posts; the people and posts stay", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND }));
    const people = await t.db.selectFrom("people").select("id").execute();
    expect(people.length).toBeGreaterThanOrEqual(DEMO_ROUND.candidates.length);
    expectOk(await call(organizer, "round:delete", { roundId }));
    expect(await call(organizer, "round:file", { roundId })).toEqual({
      ok: false,
      error: "round_not_found",
    });
    const links = await t.db
      .selectFrom("round_candidates")
      .select("person_id")
      .where("round_id", "=", roundId)
      .execute();
    expect(links).toEqual([]);
    expect((await t.db.selectFrom("people").select("id").execute()).length).toBe(people.length);
  });

  it("a rehearsal deleted in session takes its live session with it: keys, card codes, projector", async () => {
    const organizer = await t.client(t.organizerToken);
    const { roundId } = expectOk(
      await call(organizer, "round:import", {
        file: DEMO_ROUND,
        start: true,
        rehearsal: true,
        activate: true,
      }),
    );
    const cards = expectOk(
      await call(organizer, "cards:issue", {
        roundId,
        counts: { leaders: 2 },
        requestId: randomUUID(),
      }),
    );
    const { projectorToken } = expectOk(await call(organizer, "server:info", {}));
    const projector = await t.client(projectorToken);
    expect(expectOk(await call(projector, "session:join", {})).state.roundId).toBe(roundId);
    const phone = await t.client(cards[0]?.token ?? "");
    expectOk(await call(phone, "session:join", {}));
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const scores = { knowledge: 20, skills: 20, quality: 30 };
    const ballot = { candidateId: "C1", scores, nonce: "rehearsal-1", seq: 1 };
    expectOk(await call(phone, "ballot:submit", ballot));
    const roundKeys = () => t.redis.keys(`${t.keyPrefix}round:${roundId}:*`);
    expect((await roundKeys()).length).toBeGreaterThan(0);

    const revoked = waitFor(phone, "card:revoked");
    const switched = waitFor(projector, "screen:switch");
    expectOk(await call(organizer, "round:delete", { roundId }));
    expect(await revoked).toEqual({ reason: "round_deleted" });
    expect(await switched).toEqual({ roundId: null });
    expect(await roundKeys()).toEqual([]);
    expect(await t.redis.get(`${t.keyPrefix}active-round`)).toBeNull();
    // No card of the round can sign in again.
    await expect(t.client(cards[1]?.token ?? "")).rejects.toThrow("unauthorized");
    expect(await call(organizer, "ballot:submit", ballot)).toMatchObject({ ok: false });
    const records = await t.db
      .selectFrom("rounds")
      .select("id")
      .where("id", "=", roundId)
      .execute();
    expect(records).toEqual([]);
  });
});
