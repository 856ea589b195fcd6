import { randomBytes, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Progress } from "../../shared/protocol/index.ts";
import { login, type ServerProcess, spawnServer } from "../utils/server-process.ts";
import {
  type ClientSocket,
  call,
  connectClient,
  expectOk,
  waitFor,
} from "../utils/socket-client.ts";
import { DEMO_ROUND, deleteByPrefix } from "../utils/test-app.ts";

const keyPrefix = `${inject("redisKeyPrefix")}multi-${randomBytes(3).toString("hex")}:`;
const env = {
  REDIS_URL: inject("redisUrl"),
  DATABASE_URL: inject("databaseUrl"),
  KEY_PREFIX: keyPrefix,
  ORGANIZER_PASSWORD: "multi-node-pass",
};
let a: ServerProcess;
let b: ServerProcess;
const sockets: ClientSocket[] = [];
const open = async (url: string, token: string) => {
  const s = await connectClient(url, token);
  sockets.push(s);
  return s;
};

beforeAll(async () => {
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await Promise.all([a?.stop(), b?.stop()]);
  const redis = new Redis(env.REDIS_URL);
  await deleteByPrefix(redis, keyPrefix);
  await redis.quit();
});

const scored = (p: Progress, c: string) =>
  Object.values(p.scored[c] ?? {}).reduce((x, y) => x + y, 0);

describe("two server processes on one Redis", () => {
  it("a chair on one node moves the projector on the other, and phones there feed its progress", async () => {
    const token = await login(a.url, "multi-node-pass");
    const organizer = await open(a.url, token);
    const { roundId } = expectOk(
      await call(organizer, "round:import", { file: DEMO_ROUND, start: true }),
    );
    const cards = expectOk(
      await call(organizer, "cards:issue", {
        roundId,
        counts: { leaders: 10, middle: 20, staff: 30 },
        requestId: randomUUID(),
      }),
    );
    const info = expectOk(await call(organizer, "server:info", {}));

    // The projector is on node B; the chair (organizer) drives node A.
    const projector = await open(b.url, info.projectorToken);
    expect(expectOk(await call(projector, "session:join", {})).round.title).toBe(DEMO_ROUND.title);
    const moved = waitFor(projector, "session:state", (s) => s.currentCandidateId === "C5");
    expectOk(await call(organizer, "session:goto", { roundId, candidateId: "C5" }));
    expect((await moved).currentCandidateId).toBe("C5");

    const opened = waitFor(projector, "session:state", (s) => s.windows.C5 === "open");
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: "C5" }));
    await opened;

    // Half the phones on each node; the projector on B sees all 60, in a few coalesced updates.
    let updates = 0;
    projector.on("tally:updated", () => {
      updates++;
    });
    const all = waitFor(projector, "tally:updated", (p) => scored(p, "C5") === 60, 15_000);
    await Promise.all(
      cards.map(async (card, i) => {
        const phone = await open(i % 2 ? a.url : b.url, card.token);
        return expectOk(
          await call(phone, "ballot:submit", {
            candidateId: "C5",
            scores: { knowledge: 20, skills: 20, quality: 30 },
            nonce: `multi-${i}-nonce`,
            seq: 1,
          }),
        );
      }),
    );
    expect(scored(await all, "C5")).toBe(60);
    // Coalesced: far fewer broadcasts than ballots.
    expect(updates).toBeLessThan(20);

    // The reveal on node A reaches the projector on node B.
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: "C5" }));
    const screen = waitFor(projector, "screen:updated", (s) => s.results.C5 !== undefined);
    expectOk(await call(organizer, "result:reveal", { roundId, candidateId: "C5" }));
    expect((await screen).results.C5?.speech).toBe(70);
  });
});
