import { writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { defineAuditedScript } from "../../server/platform/lua.ts";

// A script that counts its keys and arguments, refuses when told to, and loops over #KEYS
// the way the real scripts do.
const BODY = `if ARGV[1] == 'refuse' then return 'bad_state' end
for i = 1, #KEYS do redis.call('INCR', KEYS[i]) end
if ARGV[1] == 'table' then return {'ok', #KEYS, #ARGV} end
return 'ok'`;

describe("an audited script", () => {
  let redis: Redis;
  let run: ReturnType<typeof defineAuditedScript>;
  const prefix = `${inject("redisKeyPrefix")}audited:`;
  const audit = {
    key: `${prefix}audit`,
    entry: '{"action":"x"}',
    pending: `${prefix}audit-pending`,
    roundId: "r1",
  };
  const trail = () => redis.lrange(audit.key, 0, -1);

  beforeAll(async () => {
    redis = new Redis(inject("redisUrl"));
    const file = join(await mkdtemp(join(tmpdir(), "jingpin-lua-")), "probe.lua");
    writeFileSync(file, BODY);
    run = defineAuditedScript(redis, "audited_probe", pathToFileURL(file));
  });
  afterAll(() => redis.quit());

  it("appends the entry in the same step as an action that succeeds", async () => {
    expect(await run([`${prefix}a`, `${prefix}b`], ["go"], audit)).toBe("ok");
    expect(await trail()).toEqual([audit.entry]);
    expect(await redis.smembers(audit.pending)).toEqual(["r1"]);
    expect(await redis.mget(`${prefix}a`, `${prefix}b`)).toEqual(["1", "1"]);
  });

  it("hides the audit key and entry from the body, and audits a table result led by 'ok'", async () => {
    expect(await run([`${prefix}a`], ["table", "second"], audit)).toEqual(["ok", 1, 2]);
    expect(await trail()).toHaveLength(2);
  });

  it("appends nothing when the action is refused", async () => {
    expect(await run([`${prefix}a`], ["refuse"], audit)).toBe("bad_state");
    expect(await trail()).toHaveLength(2);
    expect(await redis.get(`${prefix}a`)).toBe("2");
  });
});
