import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import { call, expectOk } from "../utils/socket-client.ts";
import { fetchExport, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const SCORES = { knowledge: 20, skills: 20, quality: 30 };

describe("a voter's own abstention (回避)", () => {
  it("casts no score, is counted apart per group, and shows in the card's own ballots", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 1, staff: 0 });
    const [leaderA, leaderB, middle] = cards;
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const a = await t.client(leaderA?.token ?? "");
    const b = await t.client(leaderB?.token ?? "");
    const m = await t.client(middle?.token ?? "");

    const abstained = expectOk(
      await call(a, "ballot:submit", {
        candidateId: "C1",
        abstain: true,
        nonce: "abstain-a-1",
        seq: 1,
      }),
    );
    expect(abstained).toEqual({ receipt: expect.stringMatching(/^.{4}-.{4}$/), duplicate: false });
    expectOk(
      await call(b, "ballot:submit", {
        candidateId: "C1",
        scores: SCORES,
        nonce: "ballot-b-1",
        seq: 1,
      }),
    );
    expectOk(
      await call(m, "ballot:submit", {
        candidateId: "C1",
        abstain: true,
        nonce: "abstain-m-1",
        seq: 1,
      }),
    );

    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.scored.C1).toEqual({ leaders: 1 });
    expect(progress?.abstained.C1).toEqual({ leaders: 1, middle: 1 });
    expect(progress?.abstained.C2).toEqual({});

    const mine = expectOk(await call(a, "session:join", {})).mine;
    expect(mine?.C1).toEqual({ scores: {}, abstain: true, receipt: abstained.receipt, seq: 1 });

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    const result = expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C1" }));
    // Not a speech ballot: the one ballot alone makes the score.
    expect(result.ballots).toBe(1);
    expect(result.speech).toBe(70);
    expect(result.abstentions).toBe(2);
  });

  it("is undone by a later ballot and replaces an earlier one; a re-send counts once", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C2" }));
    const phone = await t.client(cards[0]?.token ?? "");
    const counts = async () => {
      const p = expectOk(await call(organizer, "session:join", { roundId })).progress;
      return { scored: p?.scored.C2, abstained: p?.abstained.C2 };
    };

    const ballot = { candidateId: "C2", scores: SCORES, nonce: "ballot-0001", seq: 1 };
    expectOk(await call(phone, "ballot:submit", ballot));
    const abstain = { candidateId: "C2", abstain: true as const, nonce: "abstain-0002", seq: 2 };
    const first = expectOk(await call(phone, "ballot:submit", abstain));
    expect(await counts()).toEqual({ scored: { leaders: 0 }, abstained: { leaders: 1 } });

    // The same abstention again (a re-send after a lost answer): stored once.
    const again = expectOk(await call(phone, "ballot:submit", abstain));
    expect(again).toEqual({ receipt: first.receipt, duplicate: true });
    expect(await counts()).toEqual({ scored: { leaders: 0 }, abstained: { leaders: 1 } });
    // The ballot it replaced, arriving late, is refused: the abstention stands.
    const late = await call(phone, "ballot:submit", { ...ballot, nonce: "ballot-late" });
    expect(late).toEqual({ ok: false, error: "stale_revision" });

    // Undone while scoring is open: a ballot replaces it.
    const undo = { candidateId: "C2", scores: SCORES, nonce: "ballot-0003", seq: 3 };
    const undone = expectOk(await call(phone, "ballot:submit", undo));
    expect(await counts()).toEqual({ scored: { leaders: 1 }, abstained: {} });
    const mine = expectOk(await call(phone, "session:join", {})).mine;
    expect(mine?.C2).toEqual({ scores: SCORES, receipt: undone.receipt, seq: 3 });
    // The abstention's re-send after that is an older revision, not a second slot.
    const stale = await call(phone, "ballot:submit", abstain);
    expect(stale).toEqual({ ok: false, error: "stale_revision" });

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C2" }));
    const closed = await call(phone, "ballot:submit", {
      ...abstain,
      nonce: "abstain-0004",
      seq: 4,
    });
    expect(closed).toEqual({ ok: false, error: "scoring_closed" });
  });

  it("refuses an abstention that carries scores, or abstain: false", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const phone = await t.client(cards[0]?.token ?? "");
    const base = { candidateId: "C1", nonce: "abstain-bad-1", seq: 1 };
    for (const payload of [
      { ...base, abstain: true, scores: SCORES },
      { ...base, abstain: false },
      { ...base, abstain: "yes" },
    ]) {
      const res = await call(phone, "ballot:submit", payload as never);
      expect(res).toEqual({ ok: false, error: "invalid_payload" });
    }
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.abstained.C1).toEqual({});
  });

  it("is withdrawn with a voided card, in the progress and the export", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 0, middle: 2, staff: 0 });
    const [kept, voided] = cards;
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    for (const [i, card] of [kept, voided].entries()) {
      const phone = await t.client(card?.token ?? "");
      const send = { candidateId: "C1", abstain: true as const, nonce: `abstain-v-${i}`, seq: 1 };
      expectOk(await call(phone, "ballot:submit", send));
    }
    expectOk(await call(organizer, "card:void", { roundId, cardId: voided?.id ?? "" }));
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.abstained.C1).toEqual({ middle: 1 });
    expect(progress?.cards).toEqual({ middle: 1 });
    // Nothing of the void card's choice is kept in Redis until the lock.
    const stored = await t.redis.hkeys(`${t.keyPrefix}round:${roundId}:abstentions:C1`);
    expect(stored).toEqual([kept?.id]);

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.abstentions).toEqual([{ candidate: "C1", group: "middle" }]);
  });

  it("after the lock: the export lists abstentions with no card, counts them, and recounts", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 2, staff: 2 });
    for (const id of ["C1", "C2"]) {
      expectOk(await call(organizer, "scoring:open", { roundId, candidateId: id }));
    }
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    // Cards 0 and 3 abstain for C1, card 5 for C2; everyone else scores.
    const abstaining = new Set(["0:C1", "3:C1", "5:C2"]);
    for (const [i, phone] of phones.entries()) {
      for (const id of ["C1", "C2"]) {
        const nonce = `lock-${i}-${id}`;
        const slot = abstaining.has(`${i}:${id}`)
          ? { candidateId: id, abstain: true as const, nonce, seq: 1 }
          : { candidateId: id, scores: SCORES, nonce, seq: 1 };
        expectOk(await call(phone, "ballot:submit", slot));
      }
    }
    for (const id of ["C1", "C2"]) {
      expectOk(await call(organizer, "scoring:close", { roundId, candidateId: id }));
    }
    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.digest).toBe(digest);

    const group = (i: number) => cards[i]?.group ?? "";
    const expected = [
      { group: group(0), candidate: "C1" },
      { group: group(3), candidate: "C1" },
      { group: group(5), candidate: "C2" },
    ];
    const texts = file.abstentions.map((a) => canonicalJson(a));
    expect(texts).toEqual(expected.map((a) => canonicalJson(a)).sort());
    expect(texts).toEqual([...texts].sort());
    for (const a of file.abstentions) expect(Object.keys(a).sort()).toEqual(["candidate", "group"]);
    const text = JSON.stringify(file);
    for (const card of cards) {
      expect(text).not.toContain(card.id);
      expect(text).not.toContain(card.token);
    }

    const byId = new Map(file.results.candidates.map((c) => [c.id, c]));
    expect(byId.get("C1")).toMatchObject({ ballots: 4, abstentions: 2, speech: 70 });
    expect(byId.get("C2")).toMatchObject({ ballots: 5, abstentions: 1, speech: 70 });
    expect(file.ballots.filter((b) => b.candidate === "C1")).toHaveLength(4);
    expect(verifyRoundExport(file).ok).toBe(true);

    // The digest covers them: dropping one is caught.
    const tampered = structuredClone(file);
    tampered.abstentions.pop();
    expect(verifyRoundExport(tampered)).toMatchObject({ ok: false, digestOk: false });

    // The landed round's progress keeps the count.
    const landed = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(landed?.abstained.C1).toEqual({ [group(0)]: 1, [group(3)]: 1 });
  });
});
