import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import type { SpeechBallot } from "../../shared/scoring/types.ts";
import { call, expectOk, waitFor } from "../utils/socket-client.ts";
import { randomScores, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

async function exportOf(roundId: string) {
  const res = await fetch(`${t.url}/api/rounds/${roundId}/export`, {
    headers: { authorization: `Bearer ${t.organizerToken}` },
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ballots: SpeechBallot[]; digest: string };
}

describe("the lock", () => {
  it("ballots racing the lock either land whole before it or are refused", async () => {
    const { roundId, config, cards, organizer } = await seedRound(t, {
      leaders: 40,
      middle: 80,
      staff: 80,
    });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C4" }));
    const phones = await Promise.all(cards.map((c) => t.client(c.token)));
    // Every phone keeps revising its ballot until it is refused, so ballots are in flight
    // on every connection when the lock lands.
    const lastAcked = new Map<number, SpeechBallot>();
    let acks = 0;
    let lock: ReturnType<typeof call<"round:lock">> | null = null;
    const refusals = await Promise.all(
      phones.map(async (phone, i) => {
        for (let seq = 1; ; seq++) {
          const scores = randomScores(config);
          const res = await call(phone, "ballot:submit", {
            candidateId: "C4",
            scores,
            nonce: `race-${i}-${seq}`,
            seq,
          });
          if (!res.ok) return res;
          lastAcked.set(i, { group: cards[i]?.group ?? "", candidate: "C4", scores });
          if (++acks === 600) lock = call(organizer, "round:lock", { roundId });
        }
      }),
    );
    expect(lock).not.toBeNull();
    expectOk(await (lock as unknown as ReturnType<typeof call<"round:lock">>));
    for (const r of refusals) expect(r).toEqual({ ok: false, error: "round_locked" });

    // Exactly the last acknowledged ballot of each card is in the export: none lost, none half.
    const file = await exportOf(roundId);
    const key = (b: SpeechBallot) => canonicalJson(b);
    expect(file.ballots.map(key).sort()).toEqual([...lastAcked.values()].map(key).sort());
    expect(file.ballots).toHaveLength(200);
  });

  it("locks once: later writes are refused and the projector shows the digest", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const projector = await t.client(
      expectOk(await call(organizer, "server:info", {})).projectorToken,
    );
    expectOk(await call(projector, "session:join", {}));
    const phone = await t.client(cards[0]?.token ?? "");
    expectOk(await call(phone, "session:join", {}));
    const lockedState = waitFor(
      projector,
      "session:state",
      (s) => s.status === "locked" && s.digest !== null,
    );
    const { digest } = expectOk(await call(organizer, "round:lock", { roundId }));
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    const state = await lockedState;
    expect(state.digest).toBe(digest);
    expect(state.screen).toBe("locked");
    expect(await call(organizer, "round:lock", { roundId })).toEqual({
      ok: false,
      error: "round_locked",
    });
    const ballot = {
      candidateId: "C1",
      scores: { knowledge: 1, skills: 1, quality: 1 },
      nonce: "after-lock",
      seq: 1,
    };
    expect(await call(phone, "ballot:submit", ballot)).toEqual({
      ok: false,
      error: "round_locked",
    });
    expect(await call(organizer, "scoring:open", { roundId, candidateId: "C2" })).toEqual({
      ok: false,
      error: "round_locked",
    });
    expect(await call(organizer, "card:void", { roundId, cardId: cards[0]?.id ?? "" })).toEqual({
      ok: false,
      error: "round_locked",
    });
    expect((await exportOf(roundId)).digest).toBe(digest);
    // Landed: the card secrets are gone with the rest of the round's keys.
    await expect(t.client(cards[0]?.token ?? "")).rejects.toThrow("unauthorized");
  });
});
