/**
 * Seeds a running server with the demo round for a look at the pages: imports the demo,
 * issues cards, opens scoring for the first speaker and casts some ballots. Prints the
 * links as JSON. Usage: BASE_URL=http://127.0.0.1:3000 ORGANIZER_PASSWORD=… npx tsx scripts/seed-demo.ts [ballots]
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { call, connectClient, expectOk } from "../test/utils/socket-client.ts";

const base = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const passphrase = process.env.ORGANIZER_PASSWORD;
const castCount = Number(process.argv[2] ?? 20);
if (!passphrase) throw new Error("Set ORGANIZER_PASSWORD to the organizer passphrase");

const login = (await (
  await fetch(`${base}/api/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ passphrase }),
  })
).json()) as { ok: boolean; data?: { token: string }; error?: string };
if (!login.data) throw new Error(`login: ${login.error}`);
const token = login.data.token;
const org = await connectClient(base, token);
const file = JSON.parse(
  readFileSync(new URL("../shared/demo-round.json", import.meta.url), "utf8"),
);
const { roundId } = expectOk(await call(org, "round:import", { file, start: true }));
const cards = expectOk(
  await call(org, "cards:issue", {
    roundId,
    counts: { leaders: 7, middle: 15, staff: 30 },
    requestId: randomUUID(),
  }),
);
const info = expectOk(await call(org, "server:info", {}));
const chair = expectOk(await call(org, "link:create", { roundId, role: "chair" })).token;
const first = file.speakingOrder[0];
await call(org, "session:goto", { roundId, candidateId: first });
await call(org, "scoring:open", { roundId, candidateId: first });
for (const card of cards.slice(1, 1 + castCount)) {
  const v = await connectClient(base, card.token);
  const scores = {
    knowledge: 20 + Math.round(Math.random() * 20) / 2,
    skills: 18 + Math.round(Math.random() * 24) / 2,
    quality: 25 + Math.round(Math.random() * 30) / 2,
  };
  await call(v, "ballot:submit", {
    candidateId: first,
    scores,
    nonce: `seed${Math.random().toString(36).slice(2, 12)}`,
    seq: 1,
  });
  v.close();
}
console.log(
  JSON.stringify(
    {
      roundId,
      organizerToken: token,
      phone: `${info.publicUrl}/v#k=${cards[0]?.token}`,
      projector: `${info.publicUrl}/screen#k=${info.projectorToken}`,
      chair: `${info.publicUrl}/chair#k=${chair}`,
    },
    null,
    2,
  ),
);
org.close();
process.exit(0);
