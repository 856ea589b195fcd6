import type { Redis } from "ioredis";
import type { RedisKeys } from "./keys.ts";
import { defineScript } from "./lua.ts";

/** Failed logins allowed per client address per window before it must wait. */
export const LOGIN_ATTEMPTS = 10;
const LOGIN_WINDOW_MS = 300_000;

/**
 * The organizer login limit, counted in Redis so every node shares one limit per address.
 * Counting and starting the window are one script, so N concurrent attempts count N.
 */
export function createLoginLimiter(redis: Redis, keys: RedisKeys) {
  const attemptScript = defineScript(
    redis,
    "login_attempt",
    new URL("./lua/login-attempt.lua", import.meta.url),
    1,
  );
  return {
    /** Counts an attempt; `allowed` is false once the address used up its window. */
    async attempt(address: string): Promise<{ allowed: boolean; retryAfterMs: number }> {
      const [n, ttl] = (await attemptScript([keys.loginAttempts(address)], [LOGIN_WINDOW_MS])) as [
        number,
        number,
      ];
      return { allowed: n <= LOGIN_ATTEMPTS, retryAfterMs: Math.max(ttl, 0) };
    },

    /** A right passphrase clears the address's count. */
    async clear(address: string): Promise<void> {
      await redis.del(keys.loginAttempts(address));
    },
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
