// vitest globalSetup for the integration and e2e projects: one Redis per project run.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { pingRedis, spawnRedis } from "../../scripts/setup/redis.mjs";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const redisKeyPrefix = `jingpin-test:${randomBytes(4).toString("hex")}:`;
  project.provide("redisKeyPrefix", redisKeyPrefix);
  // TEMPORARY until the private PostgreSQL lands: DATABASE_URL names the server.
  project.provide("databaseUrl", process.env.DATABASE_URL ?? "");
  project.provide("databasePrefix", `jpt_${randomBytes(4).toString("hex")}_`);

  const sharedUrl = process.env.REDIS_URL;
  if (sharedUrl) {
    await pingRedis(sharedUrl);
    project.provide("redisUrl", sharedUrl);
    return () => deleteKeys(sharedUrl, redisKeyPrefix);
  }

  // A throw-away data directory: tests never see data from an earlier run.
  const dataDir = await mkdtemp(join(tmpdir(), "jingpin-redis-"));
  const redis = await spawnRedis({ dataDir });
  project.provide("redisUrl", redis.url);
  return async () => {
    await redis.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}

/** Someone else's Redis: remove only what this run wrote. */
async function deleteKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await client.connect();
    const stream = client.scanStream({ match: `${prefix}*`, count: 500 });
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length > 0) await client.unlink(...keys);
    }
  } finally {
    client.disconnect();
  }
}
