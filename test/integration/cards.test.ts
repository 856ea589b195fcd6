import { describe, expect, it } from "vitest";
import { tokenHash } from "../../server/platform/secrets.ts";
import type { CardRevocation } from "../../shared/protocol/index.ts";
import type { ClientSocket } from "../utils/socket-client.ts";
import { call, connectClient, expectOk, waitFor } from "../utils/socket-client.ts";
import { fetchExport, type SeededRound, seedRound, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const SCORES = { knowledge: 29.5, skills: 29.5, quality: 39.5 };

/** What a socket is told before the server ends it, and how it ended. */
function revocation(socket: ClientSocket) {
  return new Promise<{ reason: CardRevocation | null; ended: string }>((resolve) => {
    let reason: CardRevocation | null = null;
    socket.once("card:revoked", (p) => {
      reason = p.reason;
    });
    socket.once("disconnect", (ended) => resolve({ reason, ended }));
  });
}

async function score(phone: ClientSocket, candidateId: string, nonce: string, seq = 1) {
  return expectOk(await call(phone, "ballot:submit", { candidateId, scores: SCORES, nonce, seq }));
}

/** Every key and value under the test's prefix, as one text to search. */
async function everythingStored(): Promise<string> {
  const keys = await t.redis.keys(`${t.keyPrefix}*`);
  const parts: string[] = [];
  for (const key of keys) {
    const type = await t.redis.type(key);
    parts.push(key);
    if (type === "string") parts.push((await t.redis.get(key)) ?? "");
    if (type === "hash") parts.push(JSON.stringify(await t.redis.hgetall(key)));
    if (type === "list") parts.push(JSON.stringify(await t.redis.lrange(key, 0, -1)));
  }
  return parts.join("\n");
}

/** The trail after the round's own import and start. */
const auditActions = async (s: SeededRound) =>
  expectOk(await call(s.organizer, "audit:list", { roundId: s.roundId }))
    .map((e) => e.action)
    .filter((a) => a !== "round:import" && a !== "round:start");

describe("voiding a card", () => {
  it("withdraws its ballots while scoring is open: counts drop, the phone is told, the export lacks them", async () => {
    const seeded = await seedRound(t, { leaders: 3, middle: 0, staff: 0 });
    const { roundId, cards, organizer } = seeded;
    const [a, b, c] = cards;
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const phones = await Promise.all([a, b, c].map((card) => t.client(card?.token ?? "")));
    for (const [i, phone] of phones.entries()) {
      expectOk(await call(phone, "session:join", {}));
      await score(phone, "C1", `void-c1-${i}xx`);
    }
    const told = revocation(phones[0] as ClientSocket);
    const dropped = waitFor(organizer, "tally:updated", (p) => p.scored.C1?.leaders === 2);

    const voided = expectOk(await call(organizer, "card:void", { roundId, cardId: a?.id ?? "" }));
    expect(voided).toEqual({ id: a?.id, group: "leaders", code: a?.code, status: "void" });
    expect(await told).toEqual({ reason: "card_void", ended: "io server disconnect" });
    const progress = await dropped;
    expect(progress.cards).toEqual({ leaders: 2 });
    expect(progress.scored.C1).toEqual({ leaders: 2 });

    // The card can do nothing more: a fresh connection is told it was voided.
    const again = await t.client(a?.token ?? "");
    expect(await call(again, "session:join", {})).toEqual({ ok: false, error: "card_void" });
    const ballot = { candidateId: "C1", scores: SCORES, nonce: "void-late-0", seq: 9 };
    expect(await call(again, "ballot:submit", ballot)).toEqual({ ok: false, error: "card_void" });
    expect(await call(organizer, "card:void", { roundId, cardId: a?.id ?? "" })).toEqual({
      ok: false,
      error: "card_void",
    });
    expect(await t.redis.hexists(t.app.services.keys.ballots(roundId, "C1"), a?.id ?? "")).toBe(0);
    expect(await auditActions(seeded)).toEqual(["cards:issue", "scoring:open", "card:void"]);

    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.ballots.filter((x) => x.candidate === "C1")).toHaveLength(2);
  });

  it("withdraws its democratic evaluation", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 0, middle: 3, staff: 0 });
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    const phones = await Promise.all(cards.map((card) => t.client(card.token)));
    for (const [i, phone] of phones.entries()) {
      const choices = { C1: "excellent", C2: i === 0 ? "incompetent" : "competent" };
      expectOk(await call(phone, "evaluation:submit", { choices, nonce: `eval-v-${i}xx`, seq: 1 }));
    }
    const dropped = waitFor(organizer, "tally:updated", (p) => p.evaluated.middle === 2);
    expectOk(await call(organizer, "card:void", { roundId, cardId: cards[0]?.id ?? "" }));
    expect((await dropped).evaluated).toEqual({ middle: 2 });
    const keys = t.app.services.keys;
    expect(await t.redis.hexists(keys.evaluationMeta(roundId), cards[0]?.id ?? "")).toBe(0);
    expect(await t.redis.hexists(keys.evaluations(roundId, "C2"), cards[0]?.id ?? "")).toBe(0);

    expectOk(await call(organizer, "evaluation:close", { roundId }));
    expectOk(await call(organizer, "round:lock", { roundId }));
    const file = await fetchExport(t.url, roundId, t.organizerToken);
    expect(file.evaluations.filter((e) => e.candidate === "C2").map((e) => e.option)).toEqual([
      "competent",
      "competent",
    ]);
  });
});

describe("reissuing a card", () => {
  it("keeps the card and its ballots under a new code; the old link is refused and its socket told", async () => {
    const seeded = await seedRound(t, { leaders: 2, middle: 0, staff: 0 });
    const { roundId, cards, organizer } = seeded;
    const card = cards[0];
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    const old = await t.client(card?.token ?? "");
    const { receipt } = await score(old, "C1", "reissue-1xx");
    const told = revocation(old);

    const fresh = expectOk(
      await call(organizer, "card:reissue", { roundId, cardId: card?.id ?? "" }),
    );
    expect(fresh).toMatchObject({ id: card?.id, group: "leaders", status: "active" });
    expect(fresh.token).not.toBe(card?.token);
    expect(await told).toEqual({ reason: "card_reissued", ended: "io server disconnect" });
    await expect(connectClient(t.url, card?.token ?? "")).rejects.toThrow("unauthorized");

    const phone = await t.client(fresh.token);
    const joined = expectOk(await call(phone, "session:join", {}));
    expect(joined.mine?.C1).toMatchObject({ scores: SCORES, receipt, seq: 1 });
    // Still one card: a reissue never makes a second ballot for the same person.
    const list = expectOk(await call(organizer, "cards:list", { roundId }));
    expect(list.map((c) => c.id).sort()).toEqual(cards.map((c) => c.id).sort());
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.cards).toEqual({ leaders: 2 });
    expect(progress?.scored.C1).toEqual({ leaders: 1 });
    expect(await auditActions(seeded)).toEqual(["cards:issue", "scoring:open", "card:reissue"]);
  });

  it("printing again gives the printed cards new codes, and refuses a void card", async () => {
    const seeded = await seedRound(t, { leaders: 1, middle: 2, staff: 0 });
    const { roundId, cards, organizer } = seeded;
    const ids = cards.map((c) => c.id);
    const printed = expectOk(await call(organizer, "cards:print", { roundId, cardIds: ids }));
    expect(printed.map((c) => c.id)).toEqual(ids);
    for (const [i, card] of printed.entries()) {
      expect(card.token).not.toBe(cards[i]?.token);
      await expect(connectClient(t.url, cards[i]?.token ?? "")).rejects.toThrow("unauthorized");
      expect(expectOk(await call(await t.client(card.token), "session:join", {})).group).toBe(
        card.group,
      );
    }
    expectOk(await call(organizer, "card:void", { roundId, cardId: ids[0] ?? "" }));
    expect(await call(organizer, "cards:print", { roundId, cardIds: ids })).toEqual({
      ok: false,
      error: "card_void",
    });
    expect(await auditActions(seeded)).toEqual(["cards:issue", "cards:print", "card:void"]);
  });
});

describe("card secrets", () => {
  it("are stored only as SHA-256 and never listed", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 2, middle: 1, staff: 0 });
    const list = expectOk(await call(organizer, "cards:list", { roundId }));
    expect(list).toHaveLength(3);
    for (const c of list) expect(Object.keys(c).sort()).toEqual(["code", "group", "id", "status"]);
    const stored = await everythingStored();
    for (const card of cards) expect(stored).not.toContain(card.token);
  });

  it("a phone is told when another device holding its card replaced its ballot", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C1" }));
    expectOk(await call(organizer, "evaluation:open", { roundId }));
    const mine = await t.client(cards[0]?.token ?? "");
    const copy = await t.client(cards[0]?.token ?? "");
    const heardByCopy: unknown[] = [];
    copy.on("ballot:replaced", (p) => heardByCopy.push(p));

    await score(mine, "C1", "replaced-1x");
    // A re-send and a revision from the same socket are its own: nobody else is told.
    await score(mine, "C1", "replaced-1x");
    const told = waitFor(mine, "ballot:replaced");
    await score(copy, "C1", "replaced-2x", 2);
    expect(await told).toEqual({ candidateId: "C1" });

    const choices = { C1: "excellent" };
    expectOk(await call(mine, "evaluation:submit", { choices, nonce: "eval-mine-1", seq: 1 }));
    const toldEval = waitFor(mine, "ballot:replaced");
    expectOk(await call(copy, "evaluation:submit", { choices, nonce: "eval-copy-2", seq: 2 }));
    expect(await toldEval).toEqual({ candidateId: null });
    expect(heardByCopy).toEqual([]);
  });
});

describe("issuing cards", () => {
  it("a retried request issues once: the same cards with new secrets", async () => {
    const seeded = await seedRound(t, { leaders: 0, middle: 0, staff: 0 });
    const { roundId, organizer } = seeded;
    const request = { roundId, counts: { leaders: 2, staff: 1 }, requestId: "retry-req-0001" };
    const first = expectOk(await call(organizer, "cards:issue", request));
    // A page opened on a secret of the first reply (which reached nobody, or so it seemed).
    const early = await t.client(first[0]?.token ?? "");
    const told = waitFor(early, "card:revoked");
    const again = expectOk(await call(organizer, "cards:issue", request));
    expect(await told).toEqual({ reason: "card_reissued" });
    expect(again.map((c) => c.id)).toEqual(first.map((c) => c.id));
    expect(again.map((c) => c.group)).toEqual(["leaders", "leaders", "staff"]);
    await expect(connectClient(t.url, first[0]?.token ?? "")).rejects.toThrow("unauthorized");
    expectOk(await call(await t.client(again[0]?.token ?? ""), "session:join", {}));
    expect(expectOk(await call(organizer, "cards:list", { roundId }))).toHaveLength(3);
    const progress = expectOk(await call(organizer, "session:join", { roundId })).progress;
    expect(progress?.cards).toEqual({ leaders: 2, staff: 1 });

    // The same id with other counts is a client bug, not a retry: refused, nothing issued.
    expect(await call(organizer, "cards:issue", { ...request, counts: { leaders: 5 } })).toEqual({
      ok: false,
      error: "invalid_payload",
    });
    expect(expectOk(await call(organizer, "cards:list", { roundId }))).toHaveLength(3);
    const audit = await auditActions(seeded);
    expect(audit.filter((a) => a === "cards:issue")).toHaveLength(2); // seeding and this one
  });

  it("makes no card after the lock", async () => {
    const { roundId, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    expectOk(await call(organizer, "round:lock", { roundId }));
    const request = { roundId, counts: { leaders: 1 }, requestId: "after-lock-0001" };
    expect(await call(organizer, "cards:issue", request)).toEqual({
      ok: false,
      error: "round_locked",
    });
    // The lock landed: the cards went with the rest of what Redis held of the round.
    expect(expectOk(await call(organizer, "cards:list", { roundId }))).toEqual([]);
  });

  it("keeps only hashes of the secrets an older version stored in card records", async () => {
    const { roundId, cards, organizer } = await seedRound(t, { leaders: 1, middle: 0, staff: 0 });
    const card = cards[0];
    if (!card) throw new Error("no card");
    // As the version before wrote it: the secret itself in the card's record.
    const cardsKey = t.app.services.keys.cards(roundId);
    await t.redis.hset(cardsKey, card.id, JSON.stringify({ group: "leaders", token: card.token }));

    expect(await t.app.services.cards.hashLegacySecrets()).toBe(1);
    const stored = await t.redis.hget(cardsKey, card.id);
    expect(stored).not.toContain(card.token);
    expect(JSON.parse(stored ?? "{}")).toEqual({ group: "leaders", secret: tokenHash(card.token) });
    expect(await t.app.services.cards.hashLegacySecrets()).toBe(0);

    // The old link still works until the card is reissued, which then refuses it.
    expectOk(await call(await t.client(card.token), "session:join", {}));
    expectOk(await call(organizer, "card:reissue", { roundId, cardId: card.id }));
    await expect(connectClient(t.url, card.token)).rejects.toThrow("unauthorized");
  });
});
