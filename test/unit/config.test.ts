import { describe, expect, it } from "vitest";
import { parseConfig } from "../../server/platform/config.ts";

const base = {
  REDIS_URL: "redis://127.0.0.1:6379",
  DATABASE_URL: "postgresql:///jingpin?host=/var/lib/jingpin/socket&user=postgres",
};

describe("DATABASE_URL", () => {
  it("is required", () => {
    expect(() => parseConfig({ REDIS_URL: base.REDIS_URL })).toThrow(/DATABASE_URL/);
    expect(() => parseConfig({ ...base, DATABASE_URL: "" })).toThrow(/DATABASE_URL/);
  });

  it("takes libpq's socket forms as given", () => {
    const socket = "postgresql://postgres@/jingpin?host=/tmp/jingpin-pgsock-1";
    expect(parseConfig({ ...base, DATABASE_URL: socket }).DATABASE_URL).toBe(socket);
    expect(parseConfig(base).DATABASE_URL).toBe(base.DATABASE_URL);
  });
});

describe("TRUST_PROXY", () => {
  it("trusts no proxy by default", () => {
    expect(parseConfig(base).TRUST_PROXY).toEqual([]);
  });

  it("takes names, addresses and subnets", () => {
    const config = parseConfig({ ...base, TRUST_PROXY: "loopback, 10.0.0.0/8,::1" });
    expect(config.TRUST_PROXY).toEqual(["loopback", "10.0.0.0/8", "::1"]);
  });

  it("refuses anything else", () => {
    expect(() => parseConfig({ ...base, TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(() => parseConfig({ ...base, TRUST_PROXY: "10.0.0.0/8/1" })).toThrow(/TRUST_PROXY/);
  });
});
