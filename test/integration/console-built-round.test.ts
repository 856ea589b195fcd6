// The demo round built entirely through the console's API (issue 8, item 11): the staff
// register imported, a draft made, its rules set, posts saved and announced, everyone
// self-nominated and reviewed, the review closed. Its file then goes the round-file way (it
// is imported as a second round), the same ballots are cast in both, and the two exports
// agree on everything but the round itself.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { RoundExport } from "../../shared/round-export.ts";
import { verifyRoundExport } from "../../shared/round-export.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { type ClientSocket, call, expectOk } from "../utils/socket-client.ts";
import { DEMO_ROUND, fetchExport, useTestApp } from "../utils/test-app.ts";

const t = useTestApp();

const HEADER =
  "工号,姓名,性别,出生日期,部门,现任职务,职级,任现职级时间,参加工作时间,基层工作年限,学历,2024年度考核,2025年度考核,处分,投票分组,亲属关系";
/** The demo's candidates in the demo's order, numbered so that staff-number order keeps it. */
const people = DEMO_ROUND.candidates.map(
  (c, i) =>
    `D00${i + 1},${c.name},男,198${i}-05-0${i + 1},综合科,${c.unit},一级主任科员,2020-01-01,2006-07-01,4,本科,称职,优秀,,中层干部,`,
);
const REVIEWER =
  "R001,周主任,女,1975-02-01,机关党委,党委委员,二级调研员,2018-01-01,1996-07-01,8,本科,优秀,优秀,,局领导班子,";

async function importRegister(): Promise<void> {
  const file = Buffer.from(`${[HEADER, ...people, REVIEWER].join("\r\n")}\r\n`);
  const headers = { authorization: `Bearer ${t.organizerToken}` };
  const seen = await fetch(`${t.url}/api/register/preview`, {
    method: "POST",
    headers,
    body: file,
  });
  const { data } = (await seen.json()) as { data: { fileSha256: string; importable: boolean } };
  expect(data.importable).toBe(true);
  const saved = await fetch(`${t.url}/api/register/import`, {
    method: "POST",
    headers: { ...headers, "x-file-sha256": data.fileSha256 },
    body: file,
  });
  expect(saved.status).toBe(200);
}

/** The demo built in the console; resolves to the draft's id. */
async function buildDemo(organizer: ClientSocket): Promise<string> {
  await importRegister();
  const { roundId } = expectOk(
    await call(organizer, "round:create", { title: DEMO_ROUND.title, requestId: randomUUID() }),
  );
  const { rubric, groups, method, timers } = DEMO_ROUND;
  expectOk(await call(organizer, "draft:rules", { roundId, rubric, groups, method, timers }));
  const saved = expectOk(
    await call(organizer, "posts:save", {
      roundId,
      posts: DEMO_ROUND.positions.map((p) => ({
        title: p.title,
        seats: p.seats,
        termYears: 2,
        duties: "",
        conditionsText: p.conditions ?? "",
        conditions: {},
      })),
    }),
  );
  const postOf = new Map(
    DEMO_ROUND.positions.map((p, i) => [p.id, saved.posts[i]?.localId ?? "missing"]),
  );
  expectOk(
    await call(organizer, "announcement:publish", {
      roundId,
      referenceDate: "2026-12-01",
      applyUntil: "2026-12-10",
    }),
  );
  const applications: string[] = [];
  for (const [i, c] of DEMO_ROUND.candidates.entries()) {
    for (const post of c.applications) {
      const nominated = expectOk(
        await call(organizer, "application:nominate", {
          roundId,
          staffNo: `D00${i + 1}`,
          postId: postOf.get(post) ?? "missing",
          source: "self",
        }),
      );
      expect(nominated.status).toBe("applied");
      applications.push(nominated.applicationId);
    }
  }
  for (const applicationId of applications) {
    const decided = { roundId, applicationId, outcome: "pass" as const, reviewer: "R001" };
    expectOk(await call(organizer, "application:decide", decided));
  }
  const closed = expectOk(await call(organizer, "review:close", { roundId }));
  expect(closed.candidates.map((c) => c.name)).toEqual(DEMO_ROUND.candidates.map((c) => c.name));
  return roundId;
}

/** Cards for every group, every candidate scored by every card the same way in any round. */
async function runSession(organizer: ClientSocket, roundId: string, round: RoundConfig) {
  const counts = { leaders: 3, middle: 5, staff: 4 };
  const cards = expectOk(
    await call(organizer, "cards:issue", { roundId, counts, requestId: randomUUID() }),
  );
  const phones = await Promise.all(cards.map((c) => t.client(c.token)));
  for (const phone of phones) expectOk(await call(phone, "session:join", { roundId }));
  for (const [ci, candidate] of round.candidates.entries()) {
    expectOk(await call(organizer, "scoring:open", { roundId, candidateId: candidate.id }));
    for (const [pi, phone] of phones.entries()) {
      const scores = Object.fromEntries(
        round.rubric.map((c, k) => [c.id, c.max - ((ci * 3 + pi * 2 + k) % 9) * c.step]),
      );
      const ballot = { candidateId: candidate.id, scores, nonce: randomUUID(), seq: 1 };
      expectOk(await call(phone, "ballot:submit", ballot));
    }
    expectOk(await call(organizer, "scoring:close", { roundId, candidateId: candidate.id }));
  }
  expectOk(await call(organizer, "round:lock", { roundId }));
  return fetchExport(t.url, roundId, t.organizerToken);
}

const withoutRound = ({ round: _, digest: __, ...rest }: RoundExport) => rest;

describe("the demo round built in the console", () => {
  it("gives the same export as its round file imported", async () => {
    const organizer = await t.client(t.organizerToken);
    const built = await buildDemo(organizer);
    const { file } = expectOk(await call(organizer, "round:file", { roundId: built }));
    // The same round as the demo file, posts and people known by the register's numbers.
    expect(file.positions.map((p) => [p.title, p.seats])).toEqual(
      DEMO_ROUND.positions.map((p) => [p.title, p.seats]),
    );
    expect(file.candidates.map((c) => [c.name, c.unit, c.staffNo])).toEqual(
      DEMO_ROUND.candidates.map((c, i) => [c.name, c.unit, `D00${i + 1}`]),
    );
    const titleOf = (f: RoundConfig, id: string) => f.positions.find((p) => p.id === id)?.title;
    expect(file.candidates.map((c) => c.applications.map((a) => titleOf(file, a)))).toEqual(
      DEMO_ROUND.candidates.map((c) =>
        c.applications.map((a) => DEMO_ROUND.positions.find((p) => p.id === a)?.title),
      ),
    );
    expect([file.rubric, file.groups, file.method]).toEqual([
      DEMO_ROUND.rubric,
      DEMO_ROUND.groups,
      DEMO_ROUND.method,
    ]);

    const started = expectOk(await call(organizer, "round:start", { roundId: built }));
    const imported = expectOk(await call(organizer, "round:import", { file, start: true }));
    expect(imported.configSha256).toBe(started.configSha256);
    // Frozen: no editor changes the started round any more.
    expect(await call(organizer, "review:close", { roundId: built })).toMatchObject({ ok: false });

    const fromConsole = await runSession(organizer, built, file);
    const fromFile = await runSession(organizer, imported.roundId, file);
    expect(verifyRoundExport(fromConsole)).toMatchObject({ ok: true, digestOk: true });
    expect(withoutRound(fromConsole)).toEqual(withoutRound(fromFile));
    // Every ballot counted (no evaluation was held, so no composite: the speech scores).
    expect(fromConsole.ballots).toHaveLength(12 * DEMO_ROUND.candidates.length);
    expect(fromConsole.results.candidates.every((c) => c.speech !== null)).toBe(true);
  });
});
