import { randomBytes, randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { Redis } from "ioredis";
import { afterEach, beforeEach, inject } from "vitest";
import { type App, createApp } from "../../server/app.ts";
import { silentLogger } from "../../server/platform/logger.ts";
import type { Db } from "../../server/records/db.ts";
import demoRound from "../../shared/demo-round.json" with { type: "json" };
import type { IssuedCard } from "../../shared/protocol/index.ts";
import type { RoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { HALL_HOST } from "./browser.ts";
import { connectTestDatabase, fileDatabaseUrl } from "./file-database.ts";
import { type ClientSocket, call, connectClient, expectOk } from "./socket-client.ts";

export const DEMO_ROUND = demoRound;

export interface TestApp {
  /** http://127.0.0.1:PORT: for the test's own sockets and fetches. */
  url: string;
  /**
   * http://hall.test:PORT: the same server as a phone in a hall reaches it, for pages in the
   * test browser only (which maps the name to 127.0.0.1; Node cannot resolve it).
   */
  hallUrl: string;
  app: App;
  redis: Redis;
  /** The records this app uses (the test file's database unless one was handed in). */
  db: Db;
  databaseUrl: string;
  keyPrefix: string;
  /** A logged-in organizer token. */
  organizerToken: string;
  /** Connects a socket client that the factory closes at the end. */
  client(token: string): Promise<ClientSocket>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Share a prefix with another app to run two nodes on one Redis. */
  keyPrefix?: string;
  redisUrl?: string;
  /** Another database than the test file's (two nodes share one by passing the same). */
  databaseUrl?: string;
  tallyIntervalMs?: number;
  clientDir?: string;
  /**
   * Printed links and QR codes name hallUrl instead of url: a page opened from one is plain
   * http on a name that is not loopback, so not a secure context, as in WeChat on a hall
   * Wi-Fi, while the traffic stays on 127.0.0.1.
   */
  hallLinks?: boolean;
  /** A fixed port, to bring a server back where its clients expect it (default: free). */
  port?: number;
  /** TRUST_PROXY, already parsed. */
  trustProxy?: string[];
}

/**
 * A real server on port 0 on the test run's real Redis, under its own key prefix. Its
 * close() shuts the server and every client it made, and deletes its keys (unless the
 * prefix was handed in, when the test that chose it cleans up).
 */
/**
 * A fresh server for every test of the file, closed after each: `const t = useTestApp();`
 * at the top of a test file, then `t.client(…)`, `t.app`, … inside the tests. What it
 * returns stands for the current test's app (the factory owns its clean-up).
 */
export function useTestApp(opts?: TestAppOptions): TestApp {
  let current: TestApp | undefined;
  beforeEach(async () => {
    current = await startTestApp(opts);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!current) throw new Error("useTestApp: the app exists only inside a test");
      const value = current[key as keyof TestApp];
      return typeof value === "function" ? value.bind(current) : value;
    },
  });
}

export async function startTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const redisUrl = opts.redisUrl ?? inject("redisUrl");
  const keyPrefix =
    opts.keyPrefix ?? `${inject("redisKeyPrefix")}${randomBytes(4).toString("hex")}:`;
  const databaseUrl = opts.databaseUrl ?? (await fileDatabaseUrl());
  const db = connectTestDatabase(databaseUrl);
  const redis = new Redis(redisUrl, { enableAutoPipelining: true });
  const pubClient = new Redis(redisUrl);
  const subClient = pubClient.duplicate();
  // Tests that kill Redis on purpose would otherwise print "Unhandled error event".
  for (const c of [redis, pubClient, subClient]) c.on("error", () => {});
  let linkUrl = "";
  const app = createApp({
    redis,
    pubClient,
    subClient,
    db,
    keyPrefix,
    publicUrl: () => linkUrl,
    logger: silentLogger,
    clientDir: opts.clientDir,
    tallyIntervalMs: opts.tallyIntervalMs ?? 100,
    trustProxy: opts.trustProxy,
  });
  // Loopback only: no test sends traffic to the machine's network address.
  await new Promise<void>((resolve) => app.http.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const port = (app.http.address() as AddressInfo).port;
  const ownUrl = `http://127.0.0.1:${port}`;
  const hallUrl = `http://${HALL_HOST}:${port}`;
  linkUrl = opts.hallLinks ? hallUrl : ownUrl;
  await app.services.auth.ensurePassphrase({ fixed: "test-passphrase" });
  const organizerToken = await app.services.auth.issue({ role: "organizer" });
  const clients: ClientSocket[] = [];

  return {
    url: ownUrl,
    hallUrl,
    app,
    redis,
    db,
    databaseUrl,
    keyPrefix,
    organizerToken,
    async client(token) {
      const c = await connectClient(ownUrl, token);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) c.close();
      await app.close();
      if (!opts.keyPrefix) await deleteByPrefix(redis, keyPrefix);
      await Promise.allSettled([redis.quit(), pubClient.quit(), subClient.quit(), db.destroy()]);
    },
  };
}

export async function deleteByPrefix(redis: Redis, prefix: string): Promise<void> {
  const stream = redis.scanStream({ match: `${prefix}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>) {
    if (keys.length > 0) await redis.unlink(...keys);
  }
}

export interface SeededRound {
  roundId: string;
  config: RoundConfig;
  cards: IssuedCard[];
  organizer: ClientSocket;
}

/** Imports the demo round (or `file`) and issues cards per group. */
export async function seedRound(
  t: TestApp,
  counts: Record<string, number>,
  file: unknown = DEMO_ROUND,
): Promise<SeededRound> {
  const organizer = await t.client(t.organizerToken);
  const { roundId } = expectOk(await call(organizer, "round:import", { file, start: true }));
  const cards = expectOk(
    await call(organizer, "cards:issue", { roundId, counts, requestId: randomUUID() }),
  );
  const config = expectOk(await call(organizer, "session:join", { roundId })).round;
  return { roundId, config, cards, organizer };
}

/** Random valid scores for the demo rubric (multiples of 0.5). */
export function randomScores(
  config: RoundConfig,
  rand: () => number = Math.random,
): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const c of config.rubric) scores[c.id] = Math.round((rand() * c.max) / c.step) * c.step;
  return scores;
}

/** Downloads a locked round's export as the organizer would. */
export async function fetchExport(
  url: string,
  roundId: string,
  token: string,
): Promise<RoundExport> {
  const res = await fetch(`${url}/api/rounds/${roundId}/export`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (res.status !== 200) throw new Error(`export: HTTP ${res.status}`);
  return (await res.json()) as RoundExport;
}
