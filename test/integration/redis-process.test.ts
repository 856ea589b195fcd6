// The bootstrap's Redis (scripts/setup) keeps data across a restart and the LAN address is
// usable in a link. Uses its own redis-server, not the run's shared one.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { isIPv4 } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { lanAddress } from "../../scripts/setup/network.mjs";
import { type RedisHandle, spawnRedis } from "../../scripts/setup/redis.mjs";

describe("spawnRedis", () => {
  let dataDir: string;
  const running: RedisHandle[] = [];

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "jingpin-redis-process-"));
  });

  afterEach(async () => {
    await Promise.all(running.splice(0).map((redis) => redis.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  async function start(): Promise<RedisHandle> {
    const redis = await spawnRedis({ dataDir });
    running.push(redis);
    return redis;
  }

  async function withClient<T>(url: string, use: (client: Redis) => Promise<T>): Promise<T> {
    const client = new Redis(url);
    try {
      return await use(client);
    } finally {
      await client.quit();
    }
  }

  it("keeps a written key across a restart on the same data directory", async () => {
    const first = await start();
    await withClient(first.url, (client) => client.set("ballot:1", "accepted"));
    await first.stop();

    expect(await readdir(join(dataDir, "redis", "appendonly"))).toContain(
      "appendonly.aof.manifest",
    );

    const second = await start();
    const value = await withClient(second.url, (client) => client.get("ballot:1"));
    expect(value).toBe("accepted");
  });

  it("stop() is idempotent", async () => {
    const redis = await start();
    await redis.stop();
    await expect(redis.stop()).resolves.toBeUndefined();
  });
});

describe("lanAddress", () => {
  it("returns an IPv4 address", () => {
    expect(isIPv4(lanAddress())).toBe(true);
  });
});
