import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sha256Hex, utf8Bytes } from "../../shared/sha256.ts";

const nodeSha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

describe("sha256Hex", () => {
  it.each([
    ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    [
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    ],
  ])("matches the FIPS 180-4 vector for %j", (text, digest) => {
    expect(sha256Hex(text)).toBe(digest);
  });

  it("matches node:crypto around the block boundaries", () => {
    for (let n = 0; n <= 200; n++) {
      const text = "竞".repeat(n % 7) + "x".repeat(n);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });

  it("matches node:crypto on random strings, CJK and emoji included", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({ unit: "grapheme", maxLength: 100 }),
      fc.string({
        unit: fc.constantFrom("竞", "聘", "上", "岗", "😀", "👨‍👩‍👧", "é", "a", "\n"),
        maxLength: 200,
      }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(sha256Hex(t)).toBe(nodeSha256(t));
      }),
      { numRuns: 500 },
    );
  });

  it("hashes a long text (a round export of many ballots) like node:crypto", () => {
    const text = JSON.stringify(
      Array.from({ length: 5000 }, (_, i) => ({ 候选人: `C${i}`, 分: i / 3 })),
    );
    expect(sha256Hex(text)).toBe(nodeSha256(text));
  });

  it("encodes a lone surrogate as U+FFFD, as Node does", () => {
    for (const text of ["\ud800", "a\udc00b", "\ud83d", "x\ud83dy"]) {
      expect(Buffer.from(utf8Bytes(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
      expect(sha256Hex(text)).toBe(nodeSha256(text));
    }
  });
});
