import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { describe, expect, inject, it } from "vitest";
import { createAuthStore } from "../../server/platform/auth-store.ts";
import { redisKeys } from "../../server/platform/keys.ts";
import { LOGIN_ATTEMPTS } from "../../server/platform/login-limiter.ts";
import { useCleanups } from "../utils/cleanups.ts";
import { deleteByPrefix, startTestApp, type TestApp } from "../utils/test-app.ts";

const { defer, track } = useCleanups();

const app = (trustProxy?: string[]) => track(startTestApp({ trustProxy }));

async function login(t: TestApp, passphrase: string, forwardedFor?: string): Promise<number> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (forwardedFor) headers["x-forwarded-for"] = forwardedFor;
  const res = await fetch(`${t.url}/api/login`, {
    method: "POST",
    headers,
    body: JSON.stringify({ passphrase }),
  });
  await res.arrayBuffer();
  return res.status;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe("the first organizer passphrase", () => {
  it("two nodes starting together on an empty Redis agree on one passphrase", async () => {
    const prefix = `${inject("redisKeyPrefix")}${randomBytes(4).toString("hex")}:`;
    const connections = [0, 1].map(() => new Redis(inject("redisUrl")));
    defer(async () => {
      await deleteByPrefix(connections[0] as Redis, prefix);
      await Promise.all(connections.map((c) => c.quit()));
    });
    const stores = connections.map((c) => createAuthStore(c, redisKeys(prefix)));
    const printed = await Promise.all(stores.map((s) => s.ensurePassphrase({})));
    const shown = printed.filter((p): p is string => p !== null);
    // Exactly one node prints a passphrase, and that one is the one that works.
    expect(shown).toHaveLength(1);
    for (const s of stores) expect(await s.checkPassphrase(shown[0] as string)).toBe(true);
  });
});

describe("the login limit", () => {
  it("N concurrent wrong logins count exactly N, in a window that expires", async () => {
    const t = await app();
    const statuses = await Promise.all(
      Array.from({ length: 25 }, (_, i) => login(t, `wrong-${i}`)),
    );
    expect(count(statuses, 401)).toBe(LOGIN_ATTEMPTS);
    expect(count(statuses, 429)).toBe(25 - LOGIN_ATTEMPTS);
    const key = redisKeys(t.keyPrefix).loginAttempts("127.0.0.1");
    expect(await t.redis.get(key)).toBe("25");
    const ttl = await t.redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(300_000);
  });

  it("by default a rotating X-Forwarded-For buys no extra guesses", async () => {
    const t = await app();
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) {
      expect(await login(t, `wrong-${i}`, `203.0.113.${i}`)).toBe(401);
    }
    expect(await login(t, "test-passphrase", "203.0.113.200")).toBe(429);
  });

  it("by default a forged X-Forwarded-For cannot lock out the address it names", async () => {
    const t = await app();
    for (let i = 0; i < LOGIN_ATTEMPTS + 2; i++) await login(t, `wrong-${i}`, "198.51.100.7");
    const keys = redisKeys(t.keyPrefix);
    expect(await t.redis.exists(keys.loginAttempts("198.51.100.7"))).toBe(0);
    expect(await t.redis.get(keys.loginAttempts("127.0.0.1"))).toBe(String(LOGIN_ATTEMPTS + 2));
  });

  it("with TRUST_PROXY=loopback the header names the client", async () => {
    const t = await app(["loopback"]);
    for (let i = 0; i < LOGIN_ATTEMPTS; i++) {
      expect(await login(t, `wrong-${i}`, "198.51.100.7")).toBe(401);
    }
    expect(await login(t, "test-passphrase", "198.51.100.7")).toBe(429);
    // Another client behind the same proxy still has its own guesses.
    expect(await login(t, "test-passphrase", "198.51.100.8")).toBe(200);
  });
});
