import { describe, expect, it } from "vitest";
import { defineAuditedScript } from "../../server/platform/lua.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import {
  DEMO_ROUND,
  randomScores,
  type SeededRound,
  seedRound,
  useTestApp,
} from "../utils/test-app.ts";

const t = useTestApp();

// Ranked on the speech alone, so a revealed candidate is ranked before any evaluation.
const SPEECH_ONLY = {
  ...DEMO_ROUND,
  method: { ...DEMO_ROUND.method, speechWeight: 1, evaluationWeight: 0 },
};

/** Scores C1 and C2 with every card and closes both windows. */
async function scoredRound(
  file: unknown = SPEECH_ONLY,
): Promise<SeededRound & { phones: ClientSocket[] }> {
  const seeded = await seedRound(t, { leaders: 1, middle: 1, staff: 1 }, file);
  const { roundId, organizer, cards, config } = seeded;
  const phones = await Promise.all(cards.map((c) => t.client(c.token)));
  for (const candidateId of ["C1", "C2"]) {
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
    for (const [i, phone] of phones.entries()) {
      expectOk(
        await call(phone, "ballot:submit", {
          candidateId,
          scores: randomScores(config),
          nonce: `reveal-${candidateId}-${i}`,
          seq: 1,
        }),
      );
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId }));
  }
  return { ...seeded, phones };
}

const actions = async (organizer: ClientSocket, roundId: string) =>
  expectOk(await call(organizer, "audit:list", { roundId })).map((e) => `${e.action} ${e.subject}`);

describe("revealing a result", () => {
  it("previews exactly what the reveal shows, changing nothing; the reveal is audited", async () => {
    const { roundId, organizer } = await scoredRound();
    const before = expectOk(await call(organizer, "session:join", { roundId }));
    const preview = expectOk(
      await call(organizer, "result:preview", { roundId, candidateId: "C1" }),
    );
    const after = expectOk(await call(organizer, "session:join", { roundId }));
    expect(after.state.version).toBe(before.state.version);
    expect(after.state.revealed).toEqual([]);
    expect(await actions(organizer, roundId)).not.toContain("result:reveal C1");

    const revealed = expectOk(
      await call(organizer, "result:reveal", { roundId, candidateId: "C1" }),
    );
    expect(revealed).toEqual(preview);
    expect(revealed.byGroup.speech.map((g) => g.ballots)).toEqual([1, 1, 1]);
    expect(await actions(organizer, roundId)).toContain("result:reveal C1");
  });

  it("the script refuses a result computed from ballots that changed, and a locked round", async () => {
    const { roundId } = await scoredRound();
    const { keys } = t.app.services;
    const reveal = defineAuditedScript(
      t.redis,
      "result_reveal",
      new URL("../../server/live/lua/result-reveal.lua", import.meta.url),
    );
    const audit = {
      key: keys.audit(roundId),
      entry: '{"action":"probe"}',
      pending: keys.auditPending,
      roundId,
    };
    const run = (ballotCount: number) =>
      reveal(
        [
          keys.state(roundId),
          keys.windows(roundId),
          keys.ballots(roundId, "C1"),
          keys.evaluations(roundId, "C1"),
          keys.revealed(roundId),
          keys.marks(roundId),
        ],
        ["C1", '{"id":"C1"}', "0", ballotCount, 0, "0"],
        audit,
      );
    expect(await run(2)).toBe("stale");
    await t.redis.hset(keys.state(roundId), "status", "locked");
    expect(await run(3)).toBe("round_locked");
    expect(await t.redis.hlen(keys.revealed(roundId))).toBe(0);
    expect(await t.redis.lrange(audit.key, 0, -1)).not.toContain(audit.entry);
  });
});

describe("hiding a mistaken reveal", () => {
  it("takes it off the projector, the revealed set and the ranking; scoring stays closed", async () => {
    const { roundId, organizer } = await scoredRound();
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C2" }));
    expect(await call(organizer, "result:hide", { roundId, candidateId: "C1" })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C2" }));
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    const ranked = waitFor(organizer, "screen:updated", (s) => s.ranking !== null);
    expectOk(await call(organizer, "screen:show", { roundId, view: "ranking" }));
    const ranking = (await ranked).ranking ?? [];
    const rankedIds = () => ranking.flatMap((p) => p.ranking);
    expect(rankedIds()).toContain("C1");
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));

    const updated = waitFor(organizer, "screen:updated", (s) => s.results.C1 === undefined);
    const state = expectOk(await call(organizer, "result:hide", { roundId, candidateId: "C1" }));
    expect(state.revealed).toEqual(["C2"]);
    expect(state.hidden).toEqual(["C1"]);
    expect(state.screen).toBe("candidate");
    expect(state.shownCandidateId).toBeNull();
    const screen = await updated;
    expect(Object.keys(screen.results)).toEqual(["C2"]);
    expect((screen.ranking ?? []).flatMap((p) => p.ranking)).not.toContain("C1");
    expect(await actions(organizer, roundId)).toContain("result:hide C1");

    expect(await call(organizer, "scoring:open", { roundId, candidateId: "C1" })).toEqual({
      ok: false,
      error: "bad_state",
    });
    // Shown again as it was.
    const again = expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    expect(again.id).toBe("C1");
    const join = expectOk(await call(organizer, "session:join", { roundId }));
    expect(join.state.revealed).toEqual(["C1", "C2"]);
    expect(join.state.hidden).toEqual([]);
  });

  it("is refused after the lock", async () => {
    const { roundId, organizer } = await scoredRound();
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "round:lock", { roundId }));
    expect(await call(organizer, "result:hide", { roundId, candidateId: "C1" })).toEqual({
      ok: false,
      error: "round_locked",
    });
    expect(await actions(organizer, roundId)).not.toContain("result:hide C1");
  });
});

describe("the evaluation reveal", () => {
  it("is audited in its script and gives the revealed candidates their composite", async () => {
    const { roundId, organizer, phones } = await scoredRound(DEMO_ROUND);
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    for (const [i, phone] of phones.entries()) {
      expectOk(
        await call(phone, "evaluation:submit", {
          choices: { C1: "excellent", C2: "competent" },
          nonce: `eval-${i}-nonce`,
          seq: 1,
        }),
      );
    }
    expectOk(await call(organizer, "evaluation:close", { roundId }));
    const results = expectOk(await call(organizer, "evaluation:reveal", { roundId }));
    expect(Object.keys(results).sort()).toEqual(DEMO_ROUND.candidates.map((c) => c.id).sort());
    const join = expectOk(await call(organizer, "session:join", { roundId }));
    expect(join.state.evaluationRevealed).toBe(true);
    expect(join.state.screen).toBe("evaluation");
    expect(join.screen?.results.C1?.composite).not.toBeNull();
    expect(await actions(organizer, roundId)).toContain("evaluation:reveal null");
  });
});

describe("the projector after the lock", () => {
  it("shows the ranking, the evaluation, the welcome and the lock page, never the speaker", async () => {
    const { roundId, organizer } = await scoredRound();
    expect(await call(organizer, "screen:show", { roundId, view: "locked" })).toEqual({
      ok: false,
      error: "bad_state",
    });
    expectOk(await call(organizer, "round:lock", { roundId }));
    for (const view of ["ranking", "evaluation", "welcome", "locked"] as const) {
      expect(expectOk(await call(organizer, "screen:show", { roundId, view })).screen).toBe(view);
    }
    expect(await call(organizer, "screen:show", { roundId, view: "candidate" })).toEqual({
      ok: false,
      error: "round_locked",
    });
    const join = expectOk(await call(organizer, "session:join", { roundId }));
    expect(join.screen?.ranking?.length).toBeGreaterThan(0);
  });
});
