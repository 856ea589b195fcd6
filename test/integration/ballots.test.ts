import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { type RoundExport, verifyRoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { SpeechBallot } from "../../shared/scoring/types.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { randomScores, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

/** A seeded pseudo-random generator so a failing run can be reproduced. */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/**
 * The speech score as the method defines it (docs/scoring.md), written out here rather than
 * taken from shared/scoring, so that a mistake there cannot agree with itself: per group the
 * mean of the ballot totals, the k lowest and k highest dropped when the group has at least
 * n0 ballots; the groups' means weighted; scaled to 100 points.
 */
function speechByTheMethod(config: RoundConfig, ballots: SpeechBallot[]): number {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const fullMarks = sum(config.rubric.map((r) => r.max));
  const { trim, trimMin } = config.method;
  let weighted = 0;
  let weights = 0;
  for (const group of config.groups) {
    const totals = ballots
      .filter((b) => b.group === group.id)
      .map((b) => sum(Object.values(b.scores)))
      .sort((a, b) => a - b);
    if (totals.length === 0) continue;
    const kept = totals.length >= trimMin ? totals.slice(trim, totals.length - trim) : totals;
    weighted += group.weight * (sum(kept) / kept.length);
    weights += group.weight;
  }
  return ((weighted / weights) * 100) / fullMarks;
}

describe("speech ballots", () => {
  it("300 phones scoring one candidate at once give the result computed here from the acknowledged ballots", async () => {
    const { roundId, config, cards, organizer } = await seedRound(t, {
      leaders: 20,
      middle: 80,
      staff: 200,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    await Promise.all(phones.map((p) => call(p, "session:join", {})));
    const rand = lcg(42);
    // What the server acknowledged, per card: the last acknowledged ballot is the one that counts.
    const acked = new Map<number, SpeechBallot>();
    const send = async (i: number, seq: number) => {
      const ballot = {
        group: cards[i]?.group ?? "",
        candidate: "C1",
        scores: randomScores(config, rand),
      };
      const res = await call(phones[i] as ClientSocket, "ballot:submit", {
        candidateId: "C1",
        scores: ballot.scores,
        nonce: `n${i}-${seq}-xxxxxxxx`,
        seq,
      });
      if (res.ok) acked.set(i, ballot);
      return res.ok;
    };
    const firsts = await Promise.all(phones.map((_, i) => send(i, 1)));
    expect(firsts.filter(Boolean)).toHaveLength(300);
    // Every seventh card revises its ballot, all at once.
    const revisers = phones.map((_, i) => i).filter((i) => i % 7 === 0);
    expect((await Promise.all(revisers.map((i) => send(i, 2)))).every(Boolean)).toBe(true);

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    const revealed = expectOk(
      await call(organizer, "result:reveal", { roundId, candidateId: "C1" }),
    );
    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));

    const speech = speechByTheMethod(config, [...acked.values()]);
    expect(revealed.ballots).toBe(300);
    expect(revealed.speech).toBeCloseTo(speech, 9);

    const res = await fetch(`${t.url}/api/rounds/${roundId}/export`, {
      headers: { authorization: `Bearer ${t.organizerToken}` },
    });
    expect(res.status).toBe(200);
    const file = (await res.json()) as RoundExport;
    expect(file.digest).toBe(digest);
    const key = (b: SpeechBallot) => canonicalJson(b);
    expect(file.ballots.map(key).sort()).toEqual([...acked.values()].map(key).sort());
    expect(verifyRoundExport(file).ok).toBe(true);
    const exported = file.results.candidates.find((c) => c.id === "C1");
    expect(exported?.speech).toBeCloseTo(speech, 9);
  });

  it("a revision replaces the card's ballot and a re-send does not count twice", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
    const phone = await t.client(cards[0]?.token ?? "");
    const first = {
      candidateId: "C2",
      scores: { knowledge: 10, skills: 10, quality: 10 },
      nonce: "first-nonce",
      seq: 1,
    };
    const a = expectOk(await call(phone, "ballot:submit", first));
    const again = expectOk(await call(phone, "ballot:submit", first));
    expect(again).toEqual({ receipt: a.receipt, duplicate: true });
    const revised = {
      candidateId: "C2",
      scores: { knowledge: 30, skills: 30, quality: 40 },
      nonce: "second-nonce",
      seq: 2,
    };
    const b = expectOk(await call(phone, "ballot:submit", revised));
    expect(b.duplicate).toBe(false);
    // The old ballot arriving late is refused: the newer one stands.
    const late = await call(phone, "ballot:submit", { ...first, nonce: "late-nonce", seq: 1 });
    expect(late).toEqual({ ok: false, error: "stale_revision" });
    const mine = expectOk(await call(phone, "session:join", {})).mine;
    expect(mine?.C2).toEqual({ scores: revised.scores, receipt: b.receipt, seq: 2 });

    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.scored.C2).toEqual({ leaders: 1 });
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C2" }));
    const result = expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C2" }));
    expect(result.ballots).toBe(1);
    expect(result.speech).toBe(100);
  });

  it("refuses ballots when scoring is not open, after it closed, and from a voided card", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
    const [cardA, cardB] = cards;
    const phone = await t.client(cardA?.token ?? "");
    const ballot = {
      candidateId: "C3",
      scores: { knowledge: 1, skills: 1, quality: 1 },
      nonce: "nonce-0001",
      seq: 1,
    };
    expect(await call(phone, "ballot:submit", ballot)).toEqual({
      ok: false,
      error: "scoring_closed",
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C3" }));
    const ended = waitFor(phone, "card:revoked");
    expectOk(await call(organizer, "card:void", { roundId, cardId: cardA?.id ?? "" }));
    expect(await ended).toEqual({ reason: "card_void" });
    const reopened = await t.client(cardA?.token ?? "");
    expect(await call(reopened, "ballot:submit", ballot)).toEqual({
      ok: false,
      error: "card_void",
    });
    expect(await call(reopened, "session:join", {})).toEqual({ ok: false, error: "card_void" });

    const other = await t.client(cardB?.token ?? "");
    expectOk(await call(other, "ballot:submit", { ...ballot, nonce: "nonce-0002" }));
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C3" }));
    expect(await call(other, "ballot:submit", { ...ballot, nonce: "nonce-0003", seq: 2 })).toEqual({
      ok: false,
      error: "scoring_closed",
    });
    const result = expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C3" }));
    expect(result.ballots).toBe(1);
    // Revealed: scoring cannot be reopened under a result the hall has seen.
    expect(await call(organizer, "scoring:open", { roundId, candidateId: "C3" })).toEqual({
      ok: false,
      error: "bad_state",
    });
  });

  it("refuses scores off the rubric and changes nothing", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const phone = await t.client(cards[0]?.token ?? "");
    const bad: Record<string, number>[] = [
      { knowledge: 30.5, skills: 1, quality: 1 },
      { knowledge: 10.25, skills: 1, quality: 1 },
      // 1e-8 off the 0.5 grid: a float quotient would forgive it, whole hundredths do not.
      { knowledge: 10.5 + 1e-8, skills: 1, quality: 1 },
      { knowledge: 10.5 - 1e-8, skills: 1, quality: 1 },
      { knowledge: -1, skills: 1, quality: 1 },
      { knowledge: 1, skills: 1 },
      { knowledge: 1, skills: 1, quality: 1, extra: 1 },
    ];
    for (const [i, scores] of bad.entries()) {
      const res = await call(phone, "ballot:submit", {
        candidateId: "C1",
        scores,
        nonce: `bad-nonce-${i}`,
        seq: 1,
      });
      expect(res).toEqual({ ok: false, error: "invalid_scores" });
    }
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.scored.C1).toEqual({});
  });
});
