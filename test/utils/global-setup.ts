// vitest globalSetup for the integration and e2e projects: one Redis and one PostgreSQL
// per project run.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Redis } from "ioredis";
import type { TestProject } from "vitest/node";
import { pingPostgres, spawnPostgres } from "../../scripts/setup/postgres.mjs";
import { pingRedis, spawnRedis } from "../../scripts/setup/redis.mjs";
import { dropDatabasesStartingWith } from "./database-admin.ts";
import { scratchDataDir } from "./scratch-dir.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = randomBytes(4).toString("hex");
  const redisKeyPrefix = `jingpin-test:${runId}:`;
  const databasePrefix = `jingpin_test_${runId}_`;
  project.provide("redisKeyPrefix", redisKeyPrefix);
  project.provide("testDatabasePrefix", databasePrefix);

  const teardowns: (() => Promise<void>)[] = [];
  const teardown = async () => {
    for (const step of teardowns.reverse()) await step();
  };
  try {
    teardowns.push(await provideRedis(project, redisKeyPrefix));
    teardowns.push(await provideDatabase(project, databasePrefix));
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function provideRedis(project: TestProject, prefix: string): Promise<() => Promise<void>> {
  const sharedUrl = process.env.REDIS_URL;
  if (sharedUrl) {
    await pingRedis(sharedUrl);
    project.provide("redisUrl", sharedUrl);
    return () => deleteKeys(sharedUrl, prefix);
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

async function provideDatabase(project: TestProject, prefix: string): Promise<() => Promise<void>> {
  const sharedUrl = process.env.DATABASE_URL;
  if (sharedUrl) {
    await pingPostgres(sharedUrl);
    project.provide("databaseUrl", sharedUrl);
    // Someone else's server: drop only the databases this run made and left behind.
    return () => dropDatabasesStartingWith(sharedUrl, prefix);
  }
  // Throw-away too; tests make their own databases on it (test/utils/test-database.ts).
  const dataDir = await scratchDataDir("jingpin-postgres-");
  const postgres = await spawnPostgres({ dataDir });
  project.provide("databaseUrl", postgres.url);
  return async () => {
    await postgres.stop();
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
