import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../../shared/canonical-json.ts";
import {
  type DrawRecord,
  parseDrawRecord,
  verifyDrawRecord,
} from "../../shared/draw/draw-record.ts";
import { md5Hex } from "../../shared/draw/md5.ts";
import {
  digitsNeeded,
  drawKey,
  drawSteps,
  makeDrawRecord,
  poolDigest,
  sourceDigits,
  stepHash,
} from "../../shared/draw/rfc3797.ts";
import { sha256Hex } from "../../shared/sha256.ts";

const ascii = (text: string) => new TextEncoder().encode(text);

describe("md5", () => {
  // RFC 1321, appendix A.5.
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"],
    [
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
      "d174ab98d277d9f5a5611c2c9f419d9f",
    ],
    ["1234567890".repeat(8), "57edf4a22be3c955ac49da2e2107b67a"],
  ])("matches the RFC 1321 vector for %j", (text, digest) => {
    expect(md5Hex(ascii(text))).toBe(digest);
  });

  it("matches node:crypto around the block boundaries and on random bytes", () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(md5Hex(bytes)).toBe(createHash("md5").update(bytes).digest("hex"));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (bytes) => {
        expect(md5Hex(bytes)).toBe(createHash("md5").update(bytes).digest("hex"));
      }),
      { numRuns: 300 },
    );
  });
});

const POOL = ["甲", "乙", "丙", "丁", "戊", "己", "庚"];
const SOURCES = [[6, 2, 5, 3, 1, 4], [271828]];

describe("the worked example of procedure.md", () => {
  it("builds the key with each source sorted and closed by a slash", () => {
    expect(drawKey(SOURCES)).toBe("1.2.3.4.5.6./271828./");
  });

  it("step 0 has the published MD5 and takes the first of seven", () => {
    const [first] = drawSteps(POOL, drawKey(SOURCES));
    // "Index 1 of 7" in procedure.md counts from 1, as RFC 3797 does (remainder plus one);
    // the record holds H mod M itself, counted from 0: the same item, 甲.
    expect(first).toEqual({
      md5: "F23BB54B41481C4967EB5515B49D9B3F",
      remaining: 7,
      index: 0,
      item: "甲",
    });
  });

  it("gives the full order 甲 丁 乙 庚 己 戊 丙", () => {
    const steps = drawSteps(POOL, drawKey(SOURCES));
    expect(steps.map((s) => s.item).join(" ")).toBe("甲 丁 乙 庚 己 戊 丙");
    expect(steps.map((s) => s.remaining)).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(steps.map((s) => s.index)).toEqual([0, 2, 0, 3, 2, 1, 0]);
  });

  it("gives the issue's two-candidate record", () => {
    const record = makeDrawRecord({
      purpose: "speaking-order",
      pool: ["C1", "C2"],
      sources: SOURCES,
    });
    expect(record.steps).toEqual([
      { md5: "F23BB54B41481C4967EB5515B49D9B3F", remaining: 2, index: 1, item: "C2" },
      { md5: "55A017B04BC195AFB707599838710E4A", remaining: 1, index: 0, item: "C1" },
    ]);
    expect(record.result).toEqual(["C2", "C1"]);
    expect(record.poolDigest).toBe(sha256Hex('["C1","C2"]'));
  });
});

describe("drawKey", () => {
  it("gives the same key whatever order a source's numbers were read out in", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(1_000_000), { minLength: 1, maxLength: 12 }), (numbers) => {
        const shuffled = [...numbers].reverse();
        expect(drawKey([shuffled, [9]])).toBe(drawKey([numbers, [9]]));
      }),
    );
    expect(drawKey([[4, 1, 6, 3, 2, 5], [271828]])).toBe("1.2.3.4.5.6./271828./");
  });

  it("keeps the announced order of the sources", () => {
    expect(drawKey([[271828], [6, 2, 5, 3, 1, 4]])).toBe("271828./1.2.3.4.5.6./");
  });

  it("writes numbers without leading zeros and sorts them as numbers, not as text", () => {
    // A witness reads "007" and "0271828" off a form: the numbers are 7 and 271828.
    expect(drawKey([[Number("007"), 10, 0, 2], [Number("0271828")]])).toBe("0.2.7.10./271828./");
    expect(drawKey([[-0]])).toBe("0./");
  });
});

describe("drawSteps", () => {
  it("hashes j as two big-endian bytes on both sides of the key", () => {
    const key = drawKey(SOURCES);
    for (const j of [0, 1, 255, 256, 257, 4660, 65535]) {
      const jj = [j >> 8, j & 0xff];
      const bytes = Buffer.from([...jj, ...Buffer.from(key, "ascii"), ...jj]);
      expect(stepHash(key, j)).toBe(createHash("md5").update(bytes).digest("hex").toUpperCase());
    }
  });

  it("draws a subset when picks is smaller than the pool: the first steps of the full order", () => {
    const key = drawKey(SOURCES);
    const three = drawSteps(POOL, key, 3);
    expect(three.map((s) => s.item)).toEqual(["甲", "丁", "乙"]);
    expect(three).toEqual(drawSteps(POOL, key).slice(0, 3));
  });

  it("takes distinct items of the pool, one per step, from M = n − j items", () => {
    const pools = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 30,
    });
    const sources = fc.array(fc.array(fc.nat(999_999), { minLength: 1, maxLength: 6 }), {
      minLength: 1,
      maxLength: 3,
    });
    fc.assert(
      fc.property(pools, sources, fc.nat(), (pool, numbers, seed) => {
        const picks = 1 + (seed % pool.length);
        const steps = drawSteps(pool, drawKey(numbers), picks);
        const items = steps.map((s) => s.item);
        expect(new Set(items).size).toBe(picks);
        for (const item of items) expect(pool).toContain(item);
        steps.forEach((s, j) => {
          expect(s.remaining).toBe(pool.length - j);
          expect(s.index).toBe(Number(BigInt(`0x${s.md5}`) % BigInt(s.remaining)));
        });
      }),
      { numRuns: 200 },
    );
  });

  it("refuses a number of picks outside 1..n", () => {
    expect(() => drawSteps(POOL, "1./", 0)).toThrow(RangeError);
    expect(() => drawSteps(POOL, "1./", 8)).toThrow(RangeError);
  });
});

describe("digitsNeeded", () => {
  it.each([
    [1, 1, 5], // one outcome: log10(1) = 0
    [2, 2, 6], // log10(2) = 0.30
    [7, 7, 9], // log10(5040) = 3.70
    [10, 10, 12], // log10(3628800) = 6.56
    [10, 1, 6], // log10(10) = 1 exactly: no extra digit
    [100, 1, 7], // log10(100) = 2 exactly
    [25, 10, 19], // log10(25!/15!) = 13.07
    [12, 4, 10], // 4 questions of 12: log10(11880) = 4.07
  ])("%i items, %i picks: %i digits", (n, picks, digits) => {
    expect(digitsNeeded(n, picks)).toBe(digits);
  });

  it("is ceil(log10(n!/(n−picks)!) + 5) away from exact powers of ten", () => {
    for (let n = 2; n <= 60; n++) {
      for (let picks = 1; picks <= n; picks++) {
        let sum = 0;
        for (let k = n - picks + 1; k <= n; k++) sum += Math.log10(k);
        if (Math.abs(sum - Math.round(sum)) < 1e-9) continue;
        expect(digitsNeeded(n, picks)).toBe(Math.ceil(sum + 5));
      }
    }
  });

  it("counts a full order by default, and the digits the witnesses gave", () => {
    expect(digitsNeeded(7)).toBe(digitsNeeded(7, 7));
    expect(sourceDigits(SOURCES)).toBe(12);
    expect(sourceDigits([[10, 0]])).toBe(3);
  });
});

describe("makeDrawRecord", () => {
  it("carries the witnesses, the round and the post, and the pool's digest", () => {
    const record = makeDrawRecord({
      purpose: "questions",
      roundId: "r2026",
      postId: "office-head",
      pool: ["Q1", "Q2", "Q3", "Q4", "Q5"],
      sources: [[3, 1, 4], [15926]],
      witnesses: ["纪检组 张三", null],
      picks: 3,
    });
    expect(record).toMatchObject({
      format: "jingpin-draw/1",
      purpose: "questions",
      roundId: "r2026",
      postId: "office-head",
      key: "1.3.4./15926./",
      picks: 3,
      witnesses: ["纪检组 张三", null],
    });
    expect(record.poolDigest).toBe(poolDigest(record.pool));
    expect(record.poolDigest).toBe(sha256Hex(canonicalJson(["Q1", "Q2", "Q3", "Q4", "Q5"])));
    expect(record.steps).toHaveLength(3);
    expect(record.result).toEqual(record.steps.map((s) => s.item));
    // The numbers stay as the witnesses gave them; only the key sorts them.
    expect(record.sources).toEqual([[3, 1, 4], [15926]]);
  });

  it("leaves out optional fields not given", () => {
    const record = makeDrawRecord({ purpose: "speaking-order", pool: POOL, sources: SOURCES });
    expect(Object.keys(record)).toEqual([
      "format",
      "purpose",
      "pool",
      "poolDigest",
      "sources",
      "key",
      "picks",
      "steps",
      "result",
    ]);
  });
});

const good = (): DrawRecord =>
  makeDrawRecord({ purpose: "speaking-order", pool: POOL, sources: SOURCES });

/** The record after `change`, as a file would hold it (a deep copy, parsed again). */
function tampered(change: (r: DrawRecord) => void): DrawRecord {
  const record = structuredClone(good());
  change(record);
  const parsed = parseDrawRecord(JSON.stringify(record));
  if (!parsed.ok) throw new Error(`the tampered record no longer parses: ${parsed.detail}`);
  return parsed.data;
}

const fields = (record: DrawRecord) => verifyDrawRecord(record).differences.map((d) => d.field);

describe("verifyDrawRecord", () => {
  it("accepts a record as made, with its re-derived copy equal to it", () => {
    const verification = verifyDrawRecord(good());
    expect(verification).toEqual({ ok: true, rederived: good(), differences: [] });
  });

  it("accepts lower-case hex and a source's numbers in another order", () => {
    const record = tampered((r) => {
      r.poolDigest = r.poolDigest.toUpperCase();
      for (const step of r.steps) step.md5 = step.md5.toLowerCase();
      r.sources = [[1, 2, 3, 4, 5, 6], [271828]];
    });
    expect(verifyDrawRecord(record).ok).toBe(true);
  });

  it("finds a wrong pool digest", () => {
    const record = tampered((r) => {
      r.poolDigest = sha256Hex(canonicalJson(["甲"]));
    });
    const v = verifyDrawRecord(record);
    expect(v.ok).toBe(false);
    expect(v.differences).toEqual([
      { field: "poolDigest", expected: poolDigest(POOL), found: record.poolDigest },
    ]);
  });

  it("finds a pool reordered after its digest was published", () => {
    const record = tampered((r) => {
      r.pool = ["乙", "甲", "丙", "丁", "戊", "己", "庚"];
    });
    expect(fields(record)).toContain("poolDigest");
  });

  it("finds a wrong key", () => {
    const record = tampered((r) => {
      r.key = "1.2.3.4.5.6./271829./";
    });
    expect(verifyDrawRecord(record).differences).toEqual([
      { field: "key", expected: "1.2.3.4.5.6./271828./", found: "1.2.3.4.5.6./271829./" },
    ]);
  });

  it("finds numbers changed after the draw: the key, steps and result no longer follow", () => {
    const record = tampered((r) => {
      r.sources = [[6, 2, 5, 3, 1, 4], [271829]];
    });
    const found = fields(record);
    expect(found).toContain("key");
    expect(found).toContain("steps[0].md5");
  });

  it.each([
    ["md5", (r: DrawRecord) => Object.assign(r.steps[3] ?? {}, { md5: "0".repeat(32) })],
    ["index", (r: DrawRecord) => Object.assign(r.steps[3] ?? {}, { index: 1 })],
    ["item", (r: DrawRecord) => Object.assign(r.steps[3] ?? {}, { item: "丙" })],
    ["remaining", (r: DrawRecord) => Object.assign(r.steps[3] ?? {}, { remaining: 5 })],
  ])("finds a wrong step %s and names the step", (field, change) => {
    const record = tampered(change);
    expect(fields(record)).toEqual([`steps[3].${field}`]);
  });

  it("finds a wrong result and names the position", () => {
    const record = tampered((r) => {
      r.result = ["甲", "丁", "乙", "庚", "己", "丙", "戊"];
    });
    expect(verifyDrawRecord(record).differences).toEqual([
      { field: "result[5]", expected: "戊", found: "丙" },
      { field: "result[6]", expected: "丙", found: "戊" },
    ]);
  });

  it("verifies a subset draw of questions", () => {
    const record = makeDrawRecord({
      purpose: "questions",
      postId: "p1",
      pool: ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6", "Q7", "Q8"],
      sources: [
        [5, 5, 2],
        [1, 6, 6, 3],
      ],
      picks: 3,
    });
    expect(verifyDrawRecord(record).ok).toBe(true);
    const copy = structuredClone(record);
    copy.result = ["Q1", "Q2", "Q3"];
    expect(verifyDrawRecord(copy).ok).toBe(false);
  });
});

describe("parseDrawRecord", () => {
  const text = (change: (r: Record<string, unknown>) => void) => {
    const record: Record<string, unknown> = structuredClone(good());
    change(record);
    return JSON.stringify(record);
  };

  it("reads a record, with or without a BOM", () => {
    expect(parseDrawRecord(JSON.stringify(good()))).toEqual({ ok: true, data: good() });
    expect(parseDrawRecord(`\uFEFF${JSON.stringify(good())}`).ok).toBe(true);
  });

  it("says when the text is not JSON", () => {
    expect(parseDrawRecord("{ nope")).toMatchObject({ ok: false, error: "not_json" });
  });

  it.each([
    [
      "another format",
      (r: Record<string, unknown>) => Object.assign(r, { format: "jingpin-draw/2" }),
    ],
    [
      "an unknown purpose",
      (r: Record<string, unknown>) => Object.assign(r, { purpose: "lottery" }),
    ],
    [
      "an item twice",
      (r: Record<string, unknown>) => Object.assign(r, { pool: [...POOL.slice(0, 6), "甲"] }),
    ],
    [
      "an empty item",
      (r: Record<string, unknown>) => Object.assign(r, { pool: [...POOL.slice(0, 6), " "] }),
    ],
    ["no sources", (r: Record<string, unknown>) => Object.assign(r, { sources: [] })],
    ["an empty source", (r: Record<string, unknown>) => Object.assign(r, { sources: [[1], []] })],
    ["a negative number", (r: Record<string, unknown>) => Object.assign(r, { sources: [[-1]] })],
    ["a fraction", (r: Record<string, unknown>) => Object.assign(r, { sources: [[1.5]] })],
    ["a number as text", (r: Record<string, unknown>) => Object.assign(r, { sources: [["007"]] })],
    [
      "an unsafe integer",
      (r: Record<string, unknown>) => Object.assign(r, { sources: [[2 ** 53]] }),
    ],
    ["more picks than items", (r: Record<string, unknown>) => Object.assign(r, { picks: 8 })],
    ["no picks", (r: Record<string, unknown>) => Object.assign(r, { picks: 0 })],
    [
      "a step missing",
      (r: Record<string, unknown>) => Object.assign(r, { steps: (r.steps as unknown[]).slice(1) }),
    ],
    [
      "a result missing",
      (r: Record<string, unknown>) =>
        Object.assign(r, { result: (r.result as unknown[]).slice(1) }),
    ],
    [
      "a witness too few",
      (r: Record<string, unknown>) => Object.assign(r, { witnesses: ["张三"] }),
    ],
    [
      "an md5 that is not hex",
      (r: Record<string, unknown>) =>
        Object.assign(r, {
          steps: (r.steps as object[]).map((s) => ({ ...s, md5: "x".repeat(32) })),
        }),
    ],
    [
      "an unknown field",
      (r: Record<string, unknown>) => Object.assign(r, { witness: ["张三", "李四"] }),
    ],
  ])("refuses %s", (_, change) => {
    expect(parseDrawRecord(text(change))).toMatchObject({ ok: false, error: "invalid_record" });
  });

  it("accepts named witnesses, one per source, null where nobody is named", () => {
    const parsed = parseDrawRecord(
      text((r) => Object.assign(r, { witnesses: ["纪检组 张三", null] })),
    );
    expect(parsed.ok).toBe(true);
  });
});
