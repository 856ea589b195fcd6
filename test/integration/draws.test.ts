import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { speakingOrderPool } from "../../shared/draw/draw-pool.ts";
import { parseDrawRecord } from "../../shared/draw/draw-record.ts";
import { digitsNeeded, poolDigest } from "../../shared/draw/rfc3797.ts";
import type { PublicDraw } from "../../shared/protocol/index.ts";
import { type ClientSocket, call, expectOk, waitFor } from "../utils/socket-client.ts";
import { DEMO_ROUND, type TestApp, useTestApp } from "../utils/test-app.ts";

// The public draws and the question banks through the socket and HTTP API, as the console
// and anyone checking a draw use them; the downloaded file goes through `npm run draw:verify`.

const t = useTestApp();

const root = fileURLToPath(new URL("../..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "jingpin-draws-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WITNESSES = ["纪检组 张三", "职工代表 李四"];
/** Six dice and a six-digit number: 12 digits, enough for the demo's seven candidates. */
const SOURCES = [[6, 2, 5, 3, 1, 4], [271828]];

function verify(path: string) {
  return new Promise<{ code: number | null; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", "scripts/draw-verify.ts", path],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
      (error, stdout) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout });
      },
    );
  });
}

/** The demo round as a draft (not started), with the organizer's socket. */
async function draft(t: TestApp) {
  const organizer = await t.client(t.organizerToken);
  const { roundId } = expectOk(await call(organizer, "round:import", { file: DEMO_ROUND }));
  return { organizer, roundId };
}

async function saveQuestions(organizer: ClientSocket, roundId: string, postId: string, n: number) {
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const q = expectOk(
      await call(organizer, "question:save", {
        roundId,
        postId,
        text: `${postId} 岗位第 ${i} 题：请谈谈你的工作设想。`,
        by: "人事科 王五",
      }),
    );
    ids.push(q.id);
  }
  return ids;
}

async function drawQuestions(organizer: ClientSocket, roundId: string, postId: string) {
  const draw = expectOk(
    await call(organizer, "draw:publish", {
      roundId,
      purpose: "questions",
      postId,
      witnesses: WITNESSES,
    }),
  );
  return expectOk(
    await call(organizer, "draw:enter", { roundId, drawId: draw.id, sources: SOURCES }),
  );
}

describe("the speaking order by public draw", () => {
  it("publish → enter → the downloaded file passes draw:verify; the order is in the round file", async () => {
    const { organizer, roundId } = await draft(t);
    const draw = expectOk(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "speaking-order",
        witnesses: WITNESSES,
      }),
    );
    const pool = speakingOrderPool(DEMO_ROUND.candidates);
    expect(draw).toMatchObject({
      pool,
      poolDigest: poolDigest(pool),
      digitsNeeded: digitsNeeded(7),
    });
    expect(draw.digitsNeeded).toBe(9);

    // Published, not drawn: public, but no file yet.
    const published = await fetch(`${t.url}/api/rounds/${roundId}/draws/${draw.id}`);
    expect(published.status).toBe(200);
    const view = ((await published.json()) as { data: PublicDraw }).data;
    expect(view).toMatchObject({
      pool,
      record: null,
      roundTitle: DEMO_ROUND.title,
      postTitle: null,
    });
    expect(view.labels.C1).toBe("王建国");
    expect((await fetch(`${t.url}/api/rounds/${roundId}/draws/${draw.id}.json`)).status).toBe(409);

    const drawn = expectOk(
      await call(organizer, "draw:enter", { roundId, drawId: draw.id, sources: SOURCES }),
    );
    const result = drawn.record?.result ?? [];
    expect([...result].sort()).toEqual(pool);
    const { file } = expectOk(await call(organizer, "round:file", { roundId }));
    expect(file.speakingOrder).toEqual(result);

    const res = await fetch(`${t.url}/api/rounds/${roundId}/draws/${draw.id}.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(".json");
    const text = await res.text();
    const parsed = parseDrawRecord(text);
    expect(parsed.ok && parsed.data).toEqual(drawn.record);
    const path = join(dir, `${roundId}.json`);
    writeFileSync(path, text);
    const run = await verify(path);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("一致 OK");
    expect(run.stdout).toContain(`result: ${result.join(" ")} ✓`);

    const audit = expectOk(await call(organizer, "audit:list", { roundId })).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(["draw:publish", "draw:enter"]));
  });

  it("refuses too few digits and numbers not one set per witness; nothing is drawn", async () => {
    const { organizer, roundId } = await draft(t);
    const draw = expectOk(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "speaking-order",
        witnesses: WITNESSES,
      }),
    );
    const enter = (sources: number[][]) =>
      call(organizer, "draw:enter", { roundId, drawId: draw.id, sources });
    // 8 digits where 9 are needed.
    expect(await enter([[6, 2, 5], [27182]])).toEqual({ ok: false, error: "draw_few_digits" });
    expect(await enter([[6, 2, 5], [271828], [1]])).toEqual({
      ok: false,
      error: "draw_sources_mismatch",
    });
    expect(await call(organizer, "draw:enter", { roundId, drawId: 99, sources: SOURCES })).toEqual({
      ok: false,
      error: "draw_not_found",
    });
    const list = expectOk(await call(organizer, "draw:list", { roundId }));
    expect(list.draws.map((d) => d.record)).toEqual([null]);
    expect(list.speakingOrder).toEqual(DEMO_ROUND.speakingOrder);
  });

  it("an order set by hand, with its reason; a questions draw names its post", async () => {
    const { organizer, roundId } = await draft(t);
    const order = ["C7", "C6", "C5", "C4", "C3", "C2", "C1"];
    expect(
      await call(organizer, "order:set", { roundId, order: order.slice(1), reason: "按报名顺序" }),
    ).toEqual({
      ok: false,
      error: "invalid_order",
    });
    expectOk(await call(organizer, "order:set", { roundId, order, reason: "按报名先后倒序" }));
    expect(expectOk(await call(organizer, "round:file", { roundId })).file.speakingOrder).toEqual(
      order,
    );
    const list = expectOk(await call(organizer, "draw:list", { roundId }));
    expect(list.manualOrders).toEqual([
      expect.objectContaining({ order, reason: "按报名先后倒序" }),
    ]);
    expect(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "questions",
        witnesses: WITNESSES,
      }),
    ).toEqual({ ok: false, error: "invalid_payload" });
    expect(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "questions",
        postId: "office",
        witnesses: WITNESSES,
      }),
    ).toEqual({ ok: false, error: "questions_not_sealed" });
  });
});

describe("the question banks", () => {
  it("sealed: no more edits; the same question twice in a round is refused", async () => {
    const { organizer, roundId } = await draft(t);
    const [first] = await saveQuestions(organizer, roundId, "office", 4);
    expect(
      await call(organizer, "question:save", {
        roundId,
        postId: "law",
        text: "office 岗位第 1 题：请谈谈你的工作设想。",
        by: "法规科",
      }),
    ).toEqual({ ok: false, error: "question_duplicate" });
    const seal = expectOk(
      await call(organizer, "questions:seal", { roundId, postId: "office", count: 3 }),
    );
    expect(seal).toMatchObject({ count: 3, questionIds: ["Q1", "Q2", "Q3", "Q4"] });
    const sealed = { ok: false, error: "questions_sealed" };
    expect(
      await call(organizer, "question:save", {
        roundId,
        postId: "office",
        text: "新的一题",
        by: "甲",
      }),
    ).toEqual(sealed);
    expect(
      await call(organizer, "question:save", {
        roundId,
        postId: "office",
        questionId: first,
        text: "改一改",
        by: "甲",
      }),
    ).toEqual(sealed);
    expect(
      await call(organizer, "question:delete", { roundId, questionId: first ?? "Q1", by: "甲" }),
    ).toEqual(sealed);
    const audit = expectOk(await call(organizer, "audit:list", { roundId }));
    // The trail names the question and who, never its words.
    expect(audit.filter((e) => e.action === "question:save")).toHaveLength(4);
    expect(JSON.stringify(audit)).not.toContain("工作设想");
  });

  it("drawn for a post: the same questions each time, and no question drawn twice in the round", async () => {
    const { organizer, roundId } = await draft(t);
    await saveQuestions(organizer, roundId, "office", 6);
    await saveQuestions(organizer, roundId, "law", 5);
    expectOk(await call(organizer, "questions:seal", { roundId, postId: "office", count: 3 }));
    expectOk(await call(organizer, "questions:seal", { roundId, postId: "law", count: 4 }));
    const office = await drawQuestions(organizer, roundId, "office");
    const law = await drawQuestions(organizer, roundId, "law");
    const drawnIds = [...(office.record?.result ?? []), ...(law.record?.result ?? [])];
    expect(drawnIds).toHaveLength(7);
    expect(new Set(drawnIds).size).toBe(7);
    const { questions } = expectOk(await call(organizer, "questions:drawn", { roundId }));
    expect(questions.office?.map((q) => q.id)).toEqual(office.record?.result);
    expect(questions.law?.map((q) => q.id)).toEqual(law.record?.result);
    // The file of a questions draw names the questions by number only.
    const file = await (
      await fetch(`${t.url}/api/rounds/${roundId}/draws/${office.id}.json`)
    ).text();
    expect(file).not.toContain("工作设想");
    const path = join(dir, `${roundId}-office.json`);
    writeFileSync(path, file);
    expect((await verify(path)).code).toBe(0);
  });
});

describe("frozen with the start, and seen by the chair only once drawn", () => {
  it("the order and the drawn questions are frozen; the chair gets only the drawn questions", async () => {
    const { organizer, roundId } = await draft(t);
    await saveQuestions(organizer, roundId, "office", 6);
    await saveQuestions(organizer, roundId, "law", 4);
    expectOk(await call(organizer, "questions:seal", { roundId, postId: "office", count: 3 }));
    const office = await drawQuestions(organizer, roundId, "office");
    const order = expectOk(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "speaking-order",
        witnesses: WITNESSES,
      }),
    );
    const drawn = expectOk(
      await call(organizer, "draw:enter", { roundId, drawId: order.id, sources: SOURCES }),
    );
    const started = expectOk(await call(organizer, "round:start", { roundId, activate: true }));
    expect(started.roundId).toBe(roundId);

    // Frozen: no draw, no order, no question, no seal.
    const frozen = { ok: false, error: "round_frozen" };
    expect(
      await call(organizer, "draw:publish", {
        roundId,
        purpose: "speaking-order",
        witnesses: WITNESSES,
      }),
    ).toEqual(frozen);
    expect(
      await call(organizer, "order:set", { roundId, order: ["C1"], reason: "理由两字" }),
    ).toEqual(frozen);
    expect(
      await call(organizer, "question:save", {
        roundId,
        postId: "law",
        text: "开始后的新题",
        by: "甲",
      }),
    ).toEqual(frozen);
    expect(await call(organizer, "questions:seal", { roundId, postId: "law", count: 3 })).toEqual(
      frozen,
    );

    // The frozen rules hold the drawn order.
    const join = expectOk(await call(organizer, "session:join", { roundId }));
    expect(join.round.speakingOrder).toEqual(drawn.record?.result);

    const link = async (role: "chair" | "observer") =>
      t.client(expectOk(await call(organizer, "link:create", { roundId, role })).token);
    const chair = await link("chair");
    const observer = await link("observer");
    const [card] = expectOk(
      await call(organizer, "cards:issue", {
        roundId,
        counts: { leaders: 1 },
        requestId: randomUUID(),
      }),
    );
    const voter = await t.client(card?.token ?? "");
    const projector = await t.client(
      expectOk(await call(organizer, "server:info", {})).projectorToken,
    );

    // The bank is the organizer's: every other role is refused it.
    for (const socket of [chair, observer, voter, projector]) {
      expect(await call(socket, "questions:list", { roundId })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    for (const socket of [voter, projector]) {
      expect(await call(socket, "questions:drawn", { roundId })).toEqual({
        ok: false,
        error: "forbidden",
      });
    }
    // The chair and observer get the drawn questions, nothing of the undrawn ones or of law's
    // unsealed bank.
    const expected = expectOk(await call(organizer, "questions:drawn", { roundId })).questions;
    expect(Object.keys(expected)).toEqual(["office"]);
    expect(expected.office?.map((q) => q.id)).toEqual(office.record?.result);
    for (const socket of [chair, observer]) {
      expect(expectOk(await call(socket, "questions:drawn", { roundId })).questions).toEqual(
        expected,
      );
    }

    // The chair puts one on the projector: its words come first, then the view.
    expectOk(await call(projector, "session:join", {}));
    const question = expected.office?.[1];
    if (!question) throw new Error("no second question drawn");
    const words = waitFor(projector, "screen:updated", (d) => d.question?.id === question.id);
    const view = waitFor(projector, "session:state", (s) => s.screen === "question");
    const state = expectOk(
      await call(chair, "question:show", { roundId, postId: "office", questionId: question.id }),
    );
    expect(state.screen).toBe("question");
    expect((await words).question).toEqual({ postId: "office", number: 2, ...question });
    await view;
    const undrawn = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"].find(
      (q) => !office.record?.result.includes(q),
    );
    expect(
      await call(chair, "question:show", {
        roundId,
        postId: "office",
        questionId: undrawn ?? "Q1",
      }),
    ).toEqual({ ok: false, error: "question_not_found" });
    expect(
      await call(voter, "question:show", { roundId, postId: "office", questionId: question.id }),
    ).toEqual({ ok: false, error: "forbidden" });
    // Another view takes it off; the join snapshot carries it while it is up.
    expectOk(
      await call(chair, "question:show", { roundId, postId: "office", questionId: question.id }),
    );
    expect(expectOk(await call(observer, "session:join", {})).screen?.question?.id).toBe(
      question.id,
    );
    expectOk(await call(chair, "screen:show", { roundId, view: "welcome" }));
    expect(expectOk(await call(observer, "session:join", {})).screen?.question).toBeNull();

    const audit = expectOk(await call(observer, "audit:list", { roundId }));
    const shown = audit.filter((e) => e.action === "question:show");
    // Shown once: showing the same question again while it is up changes nothing.
    expect(shown).toEqual([
      expect.objectContaining({ role: "chair", subject: question.id, note: "office" }),
    ]);
  });
});
