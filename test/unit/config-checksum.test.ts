import { describe, expect, it } from "vitest";
import { shortChecksum } from "../../shared/config-checksum.ts";

describe("shortChecksum", () => {
  it("reads the first 16 hex digits of the SHA-256 in groups of four", () => {
    const sha = "0123456789abcdef".repeat(4);
    expect(shortChecksum(sha)).toBe("0123 4567 89ab cdef");
  });

  it("shows nothing for a round with no checksum yet", () => {
    expect(shortChecksum("")).toBe("");
  });
});
