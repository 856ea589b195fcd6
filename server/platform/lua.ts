import { readFileSync } from "node:fs";
import type { Redis } from "ioredis";

/**
 * Loads a Lua script file next to the caller. ioredis sends it with EVALSHA and falls back
 * to EVAL after a Redis restart, so a restarted Redis needs no warm-up.
 */
export function defineScript(
  redis: Redis,
  name: string,
  fileUrl: URL,
  numberOfKeys?: number,
): (keys: string[], args: (string | number)[]) => Promise<unknown> {
  const lua = readFileSync(fileUrl, "utf8");
  const commandName = `jp_${name}`;
  const defined = redis as unknown as Record<string, unknown>;
  if (!(commandName in defined)) {
    redis.defineCommand(commandName, numberOfKeys === undefined ? { lua } : { lua, numberOfKeys });
  }
  const fn = defined[commandName] as (...a: (string | number)[]) => Promise<unknown>;
  return (keys, args) =>
    numberOfKeys === undefined
      ? fn.call(redis, keys.length, ...keys, ...args)
      : fn.call(redis, ...keys, ...args);
}
