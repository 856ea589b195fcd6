import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, compareCodePoints } from "../../shared/canonical-json.ts";

/** Reference order: compare the decoded code points one by one. */
function referenceOrder(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0) ?? 0);
  const y = Array.from(b, (c) => c.codePointAt(0) ?? 0);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

describe("compareCodePoints", () => {
  it("orders an astral character after U+E000–U+FFFF, unlike a UTF-16 sort", () => {
    const keys = ["😀", "～", "中", "é", "z", "Z"];
    expect([...keys].sort()).toEqual(["Z", "z", "é", "中", "😀", "～"]);
    expect([...keys].sort(compareCodePoints)).toEqual(["Z", "z", "é", "中", "～", "😀"]);
  });

  it("is not locale order", () => {
    expect(["b", "B", "a", "A"].sort(compareCodePoints)).toEqual(["A", "B", "a", "b"]);
  });

  it("puts a prefix first", () => {
    expect(compareCodePoints("ab", "abc")).toBeLessThan(0);
    expect(compareCodePoints("abc", "abc")).toBe(0);
  });

  it("agrees in sign with comparing decoded code points", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(referenceOrder(a, b)));
      }),
      { numRuns: 500 },
    );
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and writes no whitespace", () => {
    const value = { b: 1, a: { d: [3, { z: null, y: true }], c: "x" } };
    expect(canonicalJson(value)).toBe('{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}');
  });

  it("sorts non-ASCII keys by code point and keeps non-ASCII text as it is", () => {
    const value = { "😀": 1, "～": 2, 中: '竞聘 "上岗"', é: 3, z: 4 };
    expect(canonicalJson(value)).toBe('{"z":4,"é":3,"中":"竞聘 \\"上岗\\"","～":2,"😀":1}');
  });

  it("keeps the order of arrays, nested ones included", () => {
    expect(canonicalJson([[2, 1], [], [{ b: [[1]], a: 0 }]])).toBe(
      '[[2,1],[],[{"a":0,"b":[[1]]}]]',
    );
  });

  it("writes strings and numbers as JSON.stringify does", () => {
    const value = { n: [0.1, -0, 1e21, 81.925, -3, 1 / 3], s: "line\nbreak\u0001\u2028" };
    expect(canonicalJson(value)).toBe(
      `{"n":[0.1,0,1e+21,81.925,-3,${JSON.stringify(1 / 3)}],"s":${JSON.stringify(value.s)}}`,
    );
  });

  it.each([
    ["undefined", undefined],
    ["undefined member", { a: undefined }],
    ["undefined item", [1, undefined]],
    ["NaN", { a: Number.NaN }],
    ["Infinity", [Number.POSITIVE_INFINITY]],
    ["-Infinity", Number.NEGATIVE_INFINITY],
    ["function", { f: () => 1 }],
    ["bigint", { n: 1n }],
    ["Date", { at: new Date(0) }],
    ["Map", new Map()],
  ])("throws on %s", (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it("reads back as the same value, and is the same text for any key order", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        const reordered = JSON.parse(JSON.stringify(value), (_key, v) =>
          v && typeof v === "object" && !Array.isArray(v)
            ? Object.fromEntries(Object.entries(v).reverse())
            : v,
        );
        expect(canonicalJson(reordered)).toBe(text);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });
});
