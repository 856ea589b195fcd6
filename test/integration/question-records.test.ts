import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import { createDrawRecords, type DrawRecords } from "../../server/records/draw-records.ts";
import {
  createQuestionRecords,
  type QuestionInput,
  type QuestionRecords,
} from "../../server/records/question-records.ts";
import { createRoundRecords, type RoundRecords } from "../../server/records/round-records.ts";
import { bankBody, bankDigest } from "../../shared/draw/draw-pool.ts";
import { auditCount, DICE, draftRound } from "../utils/draw-fixtures.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, unique } from "../utils/records-fixtures.ts";
import { auditFor } from "../utils/register-fixtures.ts";

// The conformance suite of server/records/question-records.ts against the real PostgreSQL:
// the question banks, their history, their seal, and the drawn questions.

let db: Db;
let rounds: RoundRecords;
let questions: QuestionRecords;
let draws: DrawRecords;
beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  rounds = createRoundRecords(db);
  questions = createQuestionRecords(db);
  draws = createDrawRecords(db);
});
afterAll(() => db.destroy());

const save = (roundId: string, input: QuestionInput) =>
  questions.save(roundId, input, auditFor(roundId, "question:save"));
const saved = async (roundId: string, input: QuestionInput) => {
  const res = await save(roundId, input);
  if (!res.ok) throw new Error(res.error);
  return res.data;
};
const seal = (roundId: string, postId: string, count: number) =>
  questions.seal(roundId, postId, count, auditFor(roundId, "questions:seal"));

const refusedWith = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

async function bank(roundId: string, postId: string, n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push(
      await saved(roundId, { postId, text: unique(`请谈谈第${i + 1}个问题：`), by: "办公室" }),
    );
  }
  return out;
}

describe("question records: the bank", () => {
  it("numbers questions Q1, Q2, … across the round's posts, with who wrote them", async () => {
    const { id } = await draftRound(rounds);
    const q1 = await saved(id, {
      postId: "P1",
      text: "  如何做好安全生产监管？ ",
      by: "人事科 王五",
    });
    const q2 = await saved(id, { postId: "P2", text: "谈谈依法行政。", by: "局办公室" });
    expect(q1).toMatchObject({
      id: "Q1",
      postId: "P1",
      text: "如何做好安全生产监管？",
      author: "人事科 王五",
    });
    expect(q1.updatedBy).toBeNull();
    expect(q1.history).toEqual([
      expect.objectContaining({ version: 1, action: "created", by: "人事科 王五" }),
    ]);
    expect(q2.id).toBe("Q2");
    const banks = await questions.banks(id);
    expect(banks?.map((b) => [b.postId, b.questions.map((q) => q.id), b.seal, b.drawn])).toEqual([
      ["P1", ["Q1"], null, null],
      ["P2", ["Q2"], null, null],
    ]);
    expect(await questions.banks(unique("r"))).toBeNull();
  });

  it("keeps every edit and the deletion with who made them", async () => {
    const { id } = await draftRound(rounds);
    const q = await saved(id, { postId: "P1", text: "原题", by: "张三" });
    const edited = await saved(id, {
      postId: "P1",
      questionId: q.id,
      text: "改过的题",
      by: "李四",
    });
    expect(edited).toMatchObject({ text: "改过的题", author: "张三", updatedBy: "李四" });
    expect(await questions.remove(id, q.id, "王五", auditFor(id, "question:delete"))).toEqual({
      ok: true,
      data: null,
    });
    expect((await questions.banks(id))?.[0]?.questions).toEqual([]);
    const history = await db
      .selectFrom("round_question_versions")
      .select(["version", "action", "text", "by"])
      .where("round_id", "=", id)
      .orderBy("version")
      .execute();
    expect(history).toEqual([
      { version: 1, action: "created", text: "原题", by: "张三" },
      { version: 2, action: "edited", text: "改过的题", by: "李四" },
      { version: 3, action: "deleted", text: "改过的题", by: "王五" },
    ]);
    expect(await questions.remove(id, q.id, "王五", auditFor(id, "question:delete"))).toEqual({
      ok: false,
      error: "question_not_found",
    });
    expect(await save(id, { postId: "P1", questionId: q.id, text: "再改", by: "李四" })).toEqual({
      ok: false,
      error: "question_not_found",
    });
    // The history and the question itself are the database's to keep.
    await refusedWith(
      sql`update round_question_versions set by = 'x' where round_id = ${id}`.execute(db),
      "JP004",
    );
    await refusedWith(sql`delete from round_questions where round_id = ${id}`.execute(db), "JP004");
    await refusedWith(
      sql`update round_questions set author = '别人' where round_id = ${id}`.execute(db),
      "JP004",
    );
    expect(await auditCount(db, id, "question:save")).toBe(2);
  });

  it("the same words twice in a round are one question; an unknown post or question is refused", async () => {
    const { id } = await draftRound(rounds);
    await saved(id, { postId: "P1", text: "如何理解担当作为？", by: "甲" });
    expect(await save(id, { postId: "P2", text: "如何理解担当作为？ ", by: "乙" })).toEqual({
      ok: false,
      error: "question_duplicate",
    });
    expect(await save(id, { postId: "P9", text: "别的题", by: "乙" })).toEqual({
      ok: false,
      error: "post_not_found",
    });
    expect(await save(id, { postId: "P1", questionId: "Q99", text: "别的题", by: "乙" })).toEqual({
      ok: false,
      error: "question_not_found",
    });
    expect(await save(unique("r"), { postId: "P1", text: "别的题", by: "乙" })).toEqual({
      ok: false,
      error: "round_not_found",
    });
  });
});

describe("question records: the seal", () => {
  it("seals the bank's questions in question order; the digest is of their canonical JSON", async () => {
    const { id } = await draftRound(rounds);
    expect(await seal(id, "P1", 3)).toEqual({ ok: false, error: "questions_too_few" });
    const written = await bank(id, "P1", 11);
    const res = await seal(id, "P1", 4);
    if (!res.ok) throw new Error(res.error);
    const expected = written.map(({ id: qid, text }) => ({ id: qid, text }));
    expect(res.data.created).toBe(true);
    expect(res.data.seal).toMatchObject({
      postId: "P1",
      count: 4,
      sha256: bankDigest(expected),
      questionIds: written.map((q) => q.id),
    });
    // Q10 and Q11 after Q9: question order, not text order.
    expect(res.data.seal.questionIds.slice(-3)).toEqual(["Q9", "Q10", "Q11"]);
    expect(await seal(id, "P1", 4)).toEqual({
      ok: true,
      data: { seal: res.data.seal, created: false },
    });
    expect(await seal(id, "P1", 5)).toEqual({ ok: false, error: "questions_sealed" });
    expect(await auditCount(db, id, "questions:seal")).toBe(1);
  });

  it("a sealed bank takes no question, edit or deletion; the database refuses them", async () => {
    const { id } = await draftRound(rounds);
    const [first] = await bank(id, "P1", 3);
    await bank(id, "P2", 1);
    expect(await seal(id, "P1", 3)).toMatchObject({ ok: true });
    const sealed = { ok: false, error: "questions_sealed" };
    expect(await save(id, { postId: "P1", text: "新题", by: "甲" })).toEqual(sealed);
    expect(await save(id, { postId: "P1", questionId: first?.id, text: "改", by: "甲" })).toEqual(
      sealed,
    );
    expect(
      await questions.remove(id, first?.id ?? "", "甲", auditFor(id, "question:delete")),
    ).toEqual(sealed);
    await refusedWith(
      sql`update round_questions set text = '悄悄改', updated_by = '某人'
          where round_id = ${id} and post_local_id = 'P1'`.execute(db),
      "JP020",
    );
    await refusedWith(
      sql`delete from round_question_seals where round_id = ${id}`.execute(db),
      "JP004",
    );
    // The other post's bank is still open.
    expect(await save(id, { postId: "P2", text: "另一岗位的新题", by: "甲" })).toMatchObject({
      ok: true,
    });
  });

  it("a seal that is not the bank as it stands is refused by the database", async () => {
    const { id } = await draftRound(rounds);
    const written = await bank(id, "P1", 4);
    const body = bankBody(written.slice(0, 3));
    await refusedWith(
      sql`insert into round_question_seals (round_id, post_local_id, count, body, sha256, question_ids)
          values (${id}, 'P1', 3, ${body}, ${bankDigest(written.slice(0, 3))}, '["Q1","Q2","Q3"]')`.execute(
        db,
      ),
      "JP020",
    );
  });

  it("fifty edits racing a seal: the seal holds the bank exactly as the edits left it", async () => {
    const { id } = await draftRound(rounds);
    const written = await bank(id, "P1", 5);
    const edits = Array.from({ length: 50 }, (_, i) =>
      save(id, {
        postId: "P1",
        questionId: written[i % 5]?.id,
        text: unique(`第${i}次修改：`),
        by: `编辑${i}`,
      }),
    );
    const [sealRes, ...editRes] = await Promise.all([seal(id, "P1", 3), ...edits]);
    if (!sealRes?.ok) throw new Error("the seal failed");
    expect(editRes.every((r) => r.ok || r.error === "questions_sealed")).toBe(true);
    const now = (await questions.banks(id))?.[0]?.questions ?? [];
    expect(sealRes.data.seal.sha256).toBe(bankDigest(now));
    const stored = await db
      .selectFrom("round_question_seals")
      .select("body")
      .where("round_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(stored.body).toBe(bankBody(now));
  });
});

describe("question records: drawn and frozen", () => {
  it("the drawn questions with their words, in the order drawn; frozen with the start", async () => {
    const { id } = await draftRound(rounds);
    await bank(id, "P1", 6);
    await seal(id, "P1", 3);
    const published = await draws.publish(
      id,
      { purpose: "questions", postId: "P1", witnesses: ["纪检组", "职工代表"] },
      auditFor(id, "draw:publish"),
    );
    if (!published.ok) throw new Error(published.error);
    const entered = await draws.enter(id, published.data.draw.id, DICE, auditFor(id, "draw:enter"));
    if (!entered.ok) throw new Error(entered.error);
    const result = entered.data.draw.record?.result ?? [];
    const drawn = await questions.drawn(id);
    expect(Object.keys(drawn)).toEqual(["P1"]);
    expect(drawn.P1?.map((q) => q.id)).toEqual(result);
    const texts = new Map((await questions.banks(id))?.[0]?.questions.map((q) => [q.id, q.text]));
    expect(drawn.P1?.map((q) => q.text)).toEqual(result.map((q) => texts.get(q)));
    expect((await questions.banks(id))?.[0]?.drawn).toEqual(result);

    await rounds.start(id, auditOf(id, "round:start"));
    expect(await save(id, { postId: "P2", text: "开始后的新题", by: "甲" })).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(await seal(id, "P2", 3)).toEqual({ ok: false, error: "round_frozen" });
    await refusedWith(
      sql`delete from round_drawn_questions where round_id = ${id}`.execute(db),
      "JP004",
    );
    expect(await questions.drawn(id)).toEqual(drawn);
  });

  it("a deleted draft takes its banks, history, seals, draws and drawn questions along", async () => {
    const { id } = await draftRound(rounds);
    await bank(id, "P1", 3);
    await seal(id, "P1", 3);
    const published = await draws.publish(
      id,
      { purpose: "questions", postId: "P1", witnesses: ["纪检组", "职工代表"] },
      auditFor(id, "draw:publish"),
    );
    if (!published.ok) throw new Error(published.error);
    await draws.enter(id, published.data.draw.id, DICE, auditFor(id, "draw:enter"));
    expect(await rounds.remove(id, auditOf(id, "round:delete"))).toBe("ok");
    for (const table of [
      "round_questions",
      "round_question_versions",
      "round_question_seals",
      "round_draws",
      "round_drawn_questions",
    ] as const) {
      const left = await db
        .selectFrom(table)
        .select("round_id")
        .where("round_id", "=", id)
        .execute();
      expect(left, table).toEqual([]);
    }
  });
});
