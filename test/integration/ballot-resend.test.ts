import { describe, expect, it } from "vitest";
import { call, expectOk } from "../utils/socket-client.ts";
import { randomScores, seedRound, type TestApp, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

/**
 * The ballot script runs, then the connection to Redis drops before its reply reaches the
 * node: the node answers `internal` although the ballot is stored. Only the next call is hit.
 */
function dropNextReply(t: TestApp): void {
  const ballots = t.app.services.ballots;
  const submit = ballots.submit.bind(ballots);
  ballots.submit = async (args) => {
    ballots.submit = submit;
    await submit(args);
    throw new Error("Connection is closed.");
  };
}

/** One card, scoring open for C1, and the ballot its phone is about to send. */
async function oneCardScoring(nonce: string) {
  const { roundId, config, cards, organizer } = await seedRound(t, { leaders: 1 });
  expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
  const card = cards[0];
  if (!card) throw new Error("no card");
  const phone = await t.client(card.token);
  const ballot = { candidateId: "C1", scores: randomScores(config), nonce, seq: 1 };
  return { roundId, organizer, phone, ballot };
}

describe("a ballot answered `internal`", () => {
  it("may be stored: the re-send with the same nonce is a duplicate and counts once", async () => {
    const { roundId, organizer, phone, ballot } = await oneCardScoring("resend-1");

    dropNextReply(t);
    const first = await call(phone, "ballot:submit", ballot);
    expect(first).toEqual({ ok: false, error: "internal" });

    // What the phone does (docs/protocol.md, "Re-sending"): the same nonce and seq again.
    const again = expectOk(await call(phone, "ballot:submit", ballot));
    expect(again.duplicate).toBe(true);
    const mine = expectOk(await call(phone, "session:join", {})).mine;
    expect(mine?.C1).toMatchObject({ scores: ballot.scores, seq: 1, receipt: again.receipt });
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.scored.C1).toEqual({ leaders: 1 });
  });

  it("refused after scoring closed is still listed as the card's own when it was stored", async () => {
    const { roundId, organizer, phone, ballot } = await oneCardScoring("resend-2");

    dropNextReply(t);
    expect(await call(phone, "ballot:submit", ballot)).toEqual({ ok: false, error: "internal" });
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    // A definite refusal of the re-send does not say the first attempt was lost: the phone
    // re-joins, and the join lists the stored ballot.
    expect(await call(phone, "ballot:submit", ballot)).toEqual({
      ok: false,
      error: "scoring_closed",
    });
    const mine = expectOk(await call(phone, "session:join", {})).mine;
    expect(mine?.C1).toMatchObject({ scores: ballot.scores, seq: 1 });
  });
});
