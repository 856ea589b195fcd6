/**
 * Ballot-path benchmark: a real server process and a private Redis with the production
 * persistence (AOF, appendfsync always), all on loopback. N phones connect over websockets
 * and all submit at once, then revise once; we measure ack latency, throughput, and how
 * long the projector takes to show the final count. Bounded: one round, fixed phone count.
 *
 *   npm run bench -- [phones=300] [rounds=3]
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import demo from "../shared/demo-round.json" with { type: "json" };
import { login, spawnServer } from "../test/utils/server-process.ts";
import { call, connectClient, expectOk, waitFor } from "../test/utils/socket-client.ts";
import { spawnRedis } from "./setup/redis.mjs";

const phones = Number(process.argv[2] ?? 300);
const repeats = Number(process.argv[3] ?? 3);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

const dataDir = await mkdtemp(join(tmpdir(), "jingpin-bench-"));
const redis = await spawnRedis({ dataDir });
const server = await spawnServer({
  REDIS_URL: redis.url,
  KEY_PREFIX: "bench:",
  ORGANIZER_PASSWORD: "bench-pass",
});
try {
  const organizer = await connectClient(server.url, await login(server.url, "bench-pass"));
  const { roundId } = expectOk(await call(organizer, "round:import", { file: demo, start: true }));
  const third = Math.ceil(phones / 3);
  const cards = expectOk(
    await call(organizer, "cards:issue", {
      roundId,
      counts: { leaders: third, middle: third, staff: phones - 2 * third },
      requestId: randomUUID(),
    }),
  );
  expectOk(await call(organizer, "session:join", { roundId }));
  const sockets = await Promise.all(cards.map((c) => connectClient(server.url, c.token)));
  const rows: string[] = [];
  for (let r = 0; r < repeats; r++) {
    const candidateId = demo.speakingOrder[r % demo.speakingOrder.length] ?? "C1";
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId }));
    for (const seq of [1, 2]) {
      const total = (p: { scored: Record<string, Record<string, number>> }) =>
        Object.values(p.scored[candidateId] ?? {}).reduce((a, b) => a + b, 0);
      const seen =
        seq === 1
          ? waitFor(organizer, "tally:updated", (p) => total(p) === sockets.length, 30_000)
          : null;
      const latencies: number[] = [];
      const start = performance.now();
      await Promise.all(
        sockets.map(async (s, i) => {
          const t0 = performance.now();
          const scores = {
            knowledge: (i % 60) / 2,
            skills: (seq * 7 + i) % 31,
            quality: (i % 80) / 2,
          };
          expectOk(
            await call(
              s,
              "ballot:submit",
              { candidateId, scores, nonce: `bench-${r}-${seq}-${i}`, seq },
              30_000,
            ),
          );
          latencies.push(performance.now() - t0);
        }),
      );
      const wall = performance.now() - start;
      // From the first ballot sent to the staff screen showing every one of them.
      let shown: number | null = null;
      if (seen) {
        await seen;
        shown = performance.now() - start;
      }
      rows.push(
        `| ${r + 1} | ${seq === 1 ? "first" : "revise"} | ${sockets.length} | ${ms(pct(latencies, 50))} | ${ms(pct(latencies, 95))} | ${ms(pct(latencies, 99))} | ${ms(Math.max(...latencies))} | ${Math.round((sockets.length / wall) * 1000)} | ${shown === null ? "—" : ms(shown)} |`,
      );
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId }));
  }
  console.log(`phones: ${phones}, Redis appendfsync always, one server process, loopback\n`);
  console.log(
    "| run | ballot | phones | p50 ack | p95 ack | p99 ack | max ack | ballots/s | all shown on staff screen |",
  );
  console.log("|---|---|---|---|---|---|---|---|---|");
  for (const row of rows) console.log(row);
  for (const s of sockets) s.close();
  organizer.close();
} finally {
  await server.stop();
  await redis.stop();
  await rm(dataDir, { recursive: true, force: true });
}
