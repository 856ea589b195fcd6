import { describe, expect, it } from "vitest";
import { afterJoin, supersedes } from "../../client/src/lib/feed-version.ts";

const update = (version: number, roundId = "r1") => ({ roundId, version });

describe("feed versions on the client", () => {
  it("takes the first update and every newer one", () => {
    expect(supersedes(null, update(3))).toBe(true);
    expect(supersedes(update(3), update(4))).toBe(true);
  });

  it("ignores an update older than the one it has", () => {
    expect(supersedes(update(7), update(6))).toBe(false);
  });

  it("applies a run delivered out of order to the newest only", () => {
    let have: ReturnType<typeof update> | null = null;
    for (const v of [2, 5, 3, 4, 6, 1]) {
      const incoming = update(v);
      if (supersedes(have, incoming)) have = incoming;
    }
    expect(have?.version).toBe(6);
  });

  it("takes another round's update whatever its version (the projector switched)", () => {
    expect(supersedes(update(9, "r1"), update(1, "r2"))).toBe(true);
  });

  it("takes a join reply over what it held before, even with a lower version (Redis reset)", () => {
    const held = update(57);
    expect(afterJoin(held, held, update(2))).toEqual(update(2));
    expect(afterJoin(null, null, update(2))).toEqual(update(2));
  });

  it("keeps an update that arrived during the join when it is newer than the reply", () => {
    const held = update(4);
    const meanwhile = update(6);
    expect(afterJoin(held, meanwhile, update(5))).toBe(meanwhile);
    expect(afterJoin(held, update(5), update(6))).toEqual(update(6));
  });
});
