import { readFileSync } from "node:fs";
import type { ChainableCommander, Redis } from "ioredis";

/** A script call; `queue` adds the same call to a pipeline instead, in its order. */
type ScriptFn = ((keys: string[], args: (string | number)[]) => Promise<unknown>) & {
  queue(pipe: ChainableCommander, keys: string[], args: (string | number)[]): void;
};

function register(redis: Redis, commandName: string, lua: string, numberOfKeys?: number) {
  const defined = redis as unknown as Record<string, unknown>;
  if (!(commandName in defined)) {
    redis.defineCommand(commandName, numberOfKeys === undefined ? { lua } : { lua, numberOfKeys });
  }
  return defined[commandName] as (...a: (string | number)[]) => Promise<unknown>;
}

/**
 * Loads a Lua script file next to the caller. ioredis sends it with EVALSHA and falls back
 * to EVAL after a Redis restart, so a restarted Redis needs no warm-up.
 */
export function defineScript(
  redis: Redis,
  name: string,
  fileUrl: URL,
  numberOfKeys?: number,
): ScriptFn {
  const command = `jp_${name}`;
  const fn = register(redis, command, readFileSync(fileUrl, "utf8"), numberOfKeys);
  const argv = (keys: string[], args: (string | number)[]) =>
    numberOfKeys === undefined ? [keys.length, ...keys, ...args] : [...keys, ...args];
  const call = (keys: string[], args: (string | number)[]) => fn.call(redis, ...argv(keys, args));
  // A command defined on the client is defined on its pipelines too.
  call.queue = (pipe: ChainableCommander, keys: string[], args: (string | number)[]) => {
    const queued = (pipe as unknown as Record<string, (...a: (string | number)[]) => unknown>)[
      command
    ];
    if (!queued) throw new Error(`${command} is not defined on this pipeline`);
    queued.call(pipe, ...argv(keys, args));
  };
  return call;
}

/** Where an audited script appends its entry, and the entry (see audit-store.ts). */
export interface AuditWrite {
  /** The round's outbox. */
  key: string;
  entry: string;
  /** The set of rounds whose outbox holds entries not yet drained, and this round's id. */
  pending: string;
  roundId: string;
}

/**
 * Wraps a script so that it appends an audit entry in the same atomic step as the action:
 * an action that happened is always in the trail, and one that was refused never is. The
 * script body sees KEYS and ARGV without the audit keys and arguments (they are taken off
 * the end first, so `#KEYS` loops in the body still work). It succeeded when it returns
 * 'ok', or a table whose first element is 'ok'. The round joins the set of outboxes to
 * drain in the same step, so whatever node looks next moves the entry into the records
 * even if its round has left the live session meanwhile (a landed round's outbox is
 * drained and deleted once; an entry that arrives after that would otherwise stay behind).
 */
const AUDIT_PRELUDE = `local __audit_pending = table.remove(KEYS)
local __audit_key = table.remove(KEYS)
local __audit_round = table.remove(ARGV)
local __audit_entry = table.remove(ARGV)
local function __body()
`;
const AUDIT_EPILOGUE = `
end
local __result = __body()
local __code = type(__result) == 'table' and __result[1] or __result
if __code == 'ok' then
  redis.call('RPUSH', __audit_key, __audit_entry)
  redis.call('SADD', __audit_pending, __audit_round)
end
return __result
`;

export function defineAuditedScript(
  redis: Redis,
  name: string,
  fileUrl: URL,
): (keys: string[], args: (string | number)[], audit: AuditWrite) => Promise<unknown> {
  const lua = AUDIT_PRELUDE + readFileSync(fileUrl, "utf8") + AUDIT_EPILOGUE;
  const fn = register(redis, `jp_audited_${name}`, lua);
  return (keys, args, audit) =>
    fn.call(
      redis,
      keys.length + 2,
      ...keys,
      audit.key,
      audit.pending,
      ...args,
      audit.entry,
      audit.roundId,
    );
}
