import { describe, expect, it } from "vitest";
import {
  isChoices,
  isScores,
  type KeyValueStore,
  Outbox,
  outboxKey,
  outcomeOf,
  RESEND_FIRST_MS,
  RESEND_MAX_MS,
  ResendBackoff,
} from "../../client/src/phone/outbox.ts";
import { ERROR_CODES } from "../../shared/errors.ts";

/** A Map behind the storage interface; `refuse` mimics a browser that blocks storage. */
function memoryStore(refuse = false): KeyValueStore {
  const data = new Map<string, string>();
  return {
    read: (key) => (refuse ? null : (data.get(key) ?? null)),
    write: (key, value) => {
      if (refuse) return;
      if (value === null) data.delete(key);
      else data.set(key, value);
    },
  };
}

const KEY = outboxKey("card-token-1");
const scores = { knowledge: 25, skills: 26.5, quality: 35 };
const ballots = (store: KeyValueStore, key = KEY) => new Outbox(store, key, isScores);

describe("phone outbox", () => {
  it("persists a ballot before it is sent, so a reload finds it unchanged", () => {
    const store = memoryStore();
    const entry = ballots(store).prepare("C1", scores, "nonce-aaaaaaaa");
    expect(entry).toEqual({ slot: "C1", body: scores, nonce: "nonce-aaaaaaaa", seq: 1 });

    const reloaded = ballots(store);
    expect(reloaded.allPending()).toEqual([entry]);
    expect(reloaded.pending("C1")).toEqual(entry);
  });

  it("keeps its own copy of the scores", () => {
    const s = { ...scores };
    const entry = ballots(memoryStore()).prepare("C1", s, "nonce-aaaaaaaa");
    s.knowledge = 0;
    expect(entry.body.knowledge).toBe(25);
  });

  it("drops an acknowledged ballot from the outbox and remembers it with its receipt", () => {
    const store = memoryStore();
    const box = ballots(store);
    box.acknowledge(box.prepare("C1", scores, "nonce-aaaaaaaa"), "R-1234");
    const reloaded = ballots(store);
    expect(reloaded.pending("C1")).toBeNull();
    expect(reloaded.acked("C1")).toEqual({ body: scores, receipt: "R-1234", seq: 1 });
  });

  it("numbers a revision above everything this device has seen", () => {
    const box = ballots(memoryStore());
    box.acknowledge(box.prepare("C1", scores, "nonce-aaaaaaaa"), "R-1");
    expect(box.prepare("C1", scores, "nonce-bbbbbbbb").seq).toBe(2);
    // A revision while the previous one is still unsent replaces it, with a higher seq.
    const third = box.prepare("C1", scores, "nonce-cccccccc");
    expect(third.seq).toBe(3);
    expect(box.allPending()).toEqual([third]);
    // Slots are numbered independently.
    expect(box.prepare("C2", scores, "nonce-dddddddd").seq).toBe(1);
  });

  it("starts above the server's seq on a device that lost its storage", () => {
    const box = ballots(memoryStore());
    box.mergeServer({ C1: { body: scores, receipt: "R-7", seq: 7 } });
    expect(box.acked("C1")).toEqual({ body: scores, receipt: "R-7", seq: 7 });
    expect(box.prepare("C1", scores, "nonce-aaaaaaaa").seq).toBe(8);
  });

  it("trusts the server over local memory about what was stored, but never lowers a seq", () => {
    const box = ballots(memoryStore());
    box.acknowledge(box.prepare("C1", scores, "nonce-aaaaaaaa"), "R-1");
    box.acknowledge(box.prepare("C2", scores, "nonce-bbbbbbbb"), "R-2");
    box.mergeServer({ C2: { body: scores, receipt: "R-2", seq: 1 } });
    expect(box.acked("C1")).toBeNull();
    expect(box.prepare("C1", scores, "nonce-cccccccc").seq).toBe(2);
    // No list (a locked round): what the phone knows is kept.
    box.mergeServer(null);
    expect(box.acked("C2")).not.toBeNull();
  });

  it("keeps the pending ballot when the server's list does not yet have it", () => {
    const box = ballots(memoryStore());
    const entry = box.prepare("C1", scores, "nonce-aaaaaaaa");
    box.mergeServer({});
    expect(box.allPending()).toEqual([entry]);
  });

  it("drops a refused ballot, but not a newer revision queued meanwhile", () => {
    const box = ballots(memoryStore());
    const first = box.prepare("C1", scores, "nonce-aaaaaaaa");
    const second = box.prepare("C1", { ...scores, quality: 40 }, "nonce-bbbbbbbb");
    box.drop(first);
    expect(box.pending("C1")).toEqual(second);
    box.acknowledge(first, "R-old");
    expect(box.pending("C1")).toEqual(second);
    box.drop(second);
    expect(box.pending("C1")).toBeNull();
  });

  it("does not let a late acknowledgement of an older revision hide the newer one", () => {
    const box = ballots(memoryStore());
    const first = box.prepare("C1", scores, "nonce-aaaaaaaa");
    const second = box.prepare("C1", { ...scores, quality: 40 }, "nonce-bbbbbbbb");
    box.acknowledge(second, "R-2");
    box.acknowledge(first, "R-1");
    expect(box.acked("C1")).toEqual({ body: { ...scores, quality: 40 }, receipt: "R-2", seq: 2 });
  });

  it("works for the session when the browser refuses storage", () => {
    const box = ballots(memoryStore(true));
    const entry = box.prepare("C1", scores, "nonce-aaaaaaaa");
    expect(box.pending("C1")).toEqual(entry);
  });

  it("ignores unreadable or malformed storage", () => {
    const store = memoryStore();
    store.write(KEY, "{not json");
    expect(ballots(store).allPending()).toEqual([]);
    store.write(
      KEY,
      JSON.stringify({
        pending: { C1: { slot: "C1", body: { a: "x" }, nonce: "n", seq: 1 } },
        acked: [],
        seq: { C1: -3, C2: 4 },
      }),
    );
    const box = ballots(store);
    expect(box.allPending()).toEqual([]);
    expect(box.prepare("C1", scores, "nonce-aaaaaaaa").seq).toBe(1);
    expect(box.prepare("C2", scores, "nonce-bbbbbbbb").seq).toBe(5);
  });

  it("keeps one ledger per card and per kind", () => {
    const store = memoryStore();
    ballots(store, outboxKey("card-a")).prepare("C1", scores, "nonce-aaaaaaaa");
    expect(ballots(store, outboxKey("card-b")).allPending()).toEqual([]);
    expect(outboxKey("card-a")).not.toBe(outboxKey("card-b"));
    expect(outboxKey("card-a")).not.toContain("card-a");
    // An evaluation ledger does not take a ballot ledger's entries for its own.
    expect(new Outbox(store, outboxKey("card-a"), isChoices).allPending()).toEqual([]);
  });

  it("holds the democratic evaluation as one slot, blanks included", () => {
    const store = memoryStore();
    const box = new Outbox(store, `${KEY}.evaluation`, isChoices);
    const entry = box.prepare("evaluation", { C1: "excellent", C2: "unknown" }, "nonce-eeeeeeee");
    const revision = box.prepare("evaluation", { C1: "competent" }, "nonce-ffffffff");
    expect(revision.seq).toBe(entry.seq + 1);
    box.acknowledge(revision, "R-E");
    const reloaded = new Outbox(store, `${KEY}.evaluation`, isChoices);
    expect(reloaded.acked("evaluation")).toEqual({
      body: { C1: "competent" },
      receipt: "R-E",
      seq: 2,
    });
    expect(reloaded.allPending()).toEqual([]);
  });

  it("re-sends after an answer that is not definite and gives up on the server's refusals", () => {
    // `internal` can mean "stored" (Redis dropped mid-command): re-sent with the same nonce.
    for (const code of ["offline", "timeout", "internal", "rate_limited"] as const) {
      expect(outcomeOf(code)).toBe("retry");
    }
    for (const code of [
      "scoring_closed",
      "evaluation_closed",
      "round_locked",
      "card_void",
      "invalid_scores",
      "invalid_choices",
      "stale_revision",
      "invalid_payload",
    ] as const) {
      expect(outcomeOf(code)).toBe("final");
    }
    // Every code is one or the other, and only those four are not definite.
    const retried = ERROR_CODES.filter((code) => outcomeOf(code) === "retry");
    expect(retried.sort()).toEqual(["internal", "offline", "rate_limited", "timeout"]);
  });
});

describe("re-send backoff", () => {
  const waits = (backoff: ResendBackoff, n: number) =>
    Array.from({ length: n }, () => backoff.next());

  it("doubles the wait after each answer that is not definite, up to a cap", () => {
    // random() = 1: the top of each range, so the ceilings themselves.
    expect(waits(new ResendBackoff(() => 1), 8)).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000,
    ]);
    // Still bounded after very many failures (no overflow to Infinity or NaN).
    const long = waits(new ResendBackoff(() => 1), 2000);
    expect(long.every((w) => Number.isFinite(w) && w <= RESEND_MAX_MS)).toBe(true);
  });

  it("spreads the phones over the upper half of each wait", () => {
    expect(waits(new ResendBackoff(() => 0), 3)).toEqual([500, 1000, 2000]);
    const spread = waits(new ResendBackoff(() => 0.5), 7);
    expect(spread).toEqual([750, 1500, 3000, 6000, 12_000, 22_500, 22_500]);
    for (const w of waits(new ResendBackoff(), 50)) {
      expect(w).toBeGreaterThanOrEqual(RESEND_FIRST_MS / 2);
      expect(w).toBeLessThanOrEqual(RESEND_MAX_MS);
    }
  });

  it("starts from the shortest wait again after a definite answer", () => {
    const backoff = new ResendBackoff(() => 1);
    waits(backoff, 5);
    backoff.reset();
    expect(backoff.next()).toBe(RESEND_FIRST_MS);
  });

  it("keeps an entry whose answer was not definite until a definite one comes", () => {
    const store = memoryStore();
    const box = ballots(store);
    const entry = box.prepare("C1", scores, "nonce-aaaaaaaa");
    // internal, then timeout: nothing is dropped and a reload re-sends the same entry.
    for (const code of ["internal", "timeout"] as const) {
      expect(outcomeOf(code)).toBe("retry");
      expect(ballots(store).allPending()).toEqual([entry]);
    }
    // The re-send answers "duplicate" (ok with the stored receipt): it leaves the outbox.
    box.acknowledge(entry, "R-STORED");
    expect(ballots(store).allPending()).toEqual([]);
    expect(ballots(store).acked("C1")?.receipt).toBe("R-STORED");
  });
});
