import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase, type Db } from "../../server/records/db.ts";
import {
  createDrawRecords,
  type DrawRecords,
  type DrawSlot,
} from "../../server/records/draw-records.ts";
import {
  createQuestionRecords,
  type QuestionRecords,
} from "../../server/records/question-records.ts";
import { createRoundRecords, type RoundRecords } from "../../server/records/round-records.ts";
import { verifyDrawRecord } from "../../shared/draw/draw-record.ts";
import { makeDrawRecord, poolDigest } from "../../shared/draw/rfc3797.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { auditCount, DICE, draftRound, drawConfig, emptyDraft } from "../utils/draw-fixtures.ts";
import { fileDatabaseUrl } from "../utils/file-database.ts";
import { auditOf, unique } from "../utils/records-fixtures.ts";
import { auditFor } from "../utils/register-fixtures.ts";

// The conformance suite of server/records/draw-records.ts against the real PostgreSQL: the
// public draws and the speaking order set by hand. Every refusal asserted as a SQLSTATE is
// the schema's own.

let db: Db;
let rounds: RoundRecords;
let draws: DrawRecords;
let questions: QuestionRecords;
beforeAll(async () => {
  db = connectDatabase(await fileDatabaseUrl(), { max: 20 });
  rounds = createRoundRecords(db);
  draws = createDrawRecords(db);
  questions = createQuestionRecords(db);
});
afterAll(() => db.destroy());

const WITNESSES = ["纪检组 张三", "职工代表 李四"];
const order = { purpose: "speaking-order" as const, postId: null, witnesses: WITNESSES };

const publish = async (roundId: string, input: DrawSlot & { witnesses: string[] } = order) => {
  const res = await draws.publish(roundId, input, auditFor(roundId, "draw:publish"));
  if (!res.ok) throw new Error(res.error);
  return res.data;
};
const enter = (roundId: string, drawId: number, sources = DICE) =>
  draws.enter(roundId, drawId, sources, auditFor(roundId, "draw:enter"));

/** The record a draw would get from these numbers, as the store makes it. */
const recordOf = (roundId: string, draw: { pool: string[] }, sources: number[][]) =>
  makeDrawRecord({
    purpose: "speaking-order",
    roundId,
    pool: draw.pool,
    sources,
    witnesses: WITNESSES,
  });

const refusedWith = (statement: Promise<unknown>, code: string) =>
  expect(statement).rejects.toMatchObject({ code });

/** A post's bank of `n` questions, sealed to draw `count`. */
async function sealedBank(roundId: string, postId: string, n: number, count: number) {
  for (let i = 0; i < n; i++) {
    const saved = await questions.save(
      roundId,
      { postId, text: unique(`${postId} 第${i + 1}题：`), by: "人事科 王五" },
      auditFor(roundId, "question:save"),
    );
    if (!saved.ok) throw new Error(saved.error);
  }
  const sealed = await questions.seal(roundId, postId, count, auditFor(roundId, "questions:seal"));
  if (!sealed.ok) throw new Error(sealed.error);
  return sealed.data.seal;
}

describe("draw records: the speaking order", () => {
  it("publishes the candidates in code point order with their digest, digits and witnesses", async () => {
    const { id } = await draftRound(rounds, drawConfig(12));
    const { draw, created } = await publish(id);
    const pool = ["C1", "C10", "C11", "C12", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9"];
    expect(created).toBe(true);
    expect(draw).toMatchObject({
      roundId: id,
      id: 1,
      purpose: "speaking-order",
      postId: null,
      pool,
      poolDigest: poolDigest(pool),
      picks: 12,
      // log10(12!) = 8.68: 9 digits, and 5 more.
      digitsNeeded: 14,
      witnesses: WITNESSES,
      record: null,
      drawnAt: null,
      supersededAt: null,
    });
    expect(await auditCount(db, id, "draw:publish")).toBe(1);
  });

  it("the same publication again changes nothing; other witnesses replace the draw not yet drawn", async () => {
    const { id } = await draftRound(rounds);
    const first = await publish(id);
    const again = await publish(id);
    expect(again).toEqual({ draw: first.draw, created: false });
    const other = await publish(id, { ...order, witnesses: ["纪检组 张三", "职工代表 赵六"] });
    expect(other.created).toBe(true);
    expect(other.draw.id).toBe(2);
    const list = await draws.list(id);
    expect(list?.draws.map((d) => [d.id, d.supersededAt !== null])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(await enter(id, 1)).toEqual({ ok: false, error: "draw_superseded" });
    expect(await auditCount(db, id, "draw:publish")).toBe(2);
  });

  it("nothing to draw in a draft without candidates; no such round", async () => {
    const { id } = await draftRound(rounds, emptyDraft());
    expect(await draws.publish(id, order, auditFor(id, "draw:publish"))).toEqual({
      ok: false,
      error: "draw_pool_empty",
    });
    const nowhere = unique("r");
    expect(await draws.publish(nowhere, order, auditFor(nowhere, "draw:publish"))).toEqual({
      ok: false,
      error: "round_not_found",
    });
    expect(await draws.list(nowhere)).toBeNull();
  });

  it("draws the order from the witnesses' numbers into the draft's round file, once", async () => {
    const { id } = await draftRound(rounds);
    const { draw } = await publish(id);
    const res = await enter(id, draw.id);
    if (!res.ok) throw new Error(res.error);
    const record = res.data.draw.record;
    expect(record).toEqual(
      makeDrawRecord({
        purpose: "speaking-order",
        roundId: id,
        pool: draw.pool,
        sources: DICE,
        witnesses: WITNESSES,
      }),
    );
    expect(record && verifyDrawRecord(record).ok).toBe(true);
    expect(res.data.draw.drawnAt).not.toBeNull();
    expect((await rounds.draftConfig(id))?.speakingOrder).toEqual(record?.result);
    // A retry with the same numbers is the same record; other numbers are refused.
    expect(await enter(id, draw.id)).toEqual({
      ok: true,
      data: { draw: res.data.draw, created: false },
    });
    expect(
      await enter(id, draw.id, [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toEqual({ ok: false, error: "draw_done" });
    // Publishing the same pool again cannot draw it anew.
    expect(await draws.publish(id, order, auditFor(id, "draw:publish"))).toEqual({
      ok: false,
      error: "draw_done",
    });
    expect(await auditCount(db, id, "draw:enter")).toBe(1);
    expect(await draws.get(id, 99)).toBeNull();
    expect(await enter(id, 99)).toEqual({ ok: false, error: "draw_not_found" });
  });

  it("fifty witnesses' entries of one draw at once: one record, one order, one audit entry", async () => {
    const { id } = await draftRound(rounds);
    const { draw } = await publish(id);
    const tries = Array.from({ length: 50 }, (_, i) =>
      enter(id, draw.id, [[i + 1], DICE[1] ?? []]),
    );
    const results = await Promise.all(tries);
    const created = results.filter((r) => r.ok && r.data.created);
    expect(created).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.error === "draw_done")).toBe(true);
    const stored = await draws.get(id, draw.id);
    const won = created[0]?.ok ? created[0].data.draw.record : null;
    expect(stored?.record).toEqual(won);
    expect((await rounds.draftConfig(id))?.speakingOrder).toEqual(won?.result);
    expect(await auditCount(db, id, "draw:enter")).toBe(1);
  });

  it("fifty publications of the same pool at once: one draw", async () => {
    const { id } = await draftRound(rounds);
    const results = await Promise.all(Array.from({ length: 50 }, () => publish(id)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.draw.id))).toEqual(new Set([1]));
    expect((await draws.list(id))?.draws).toHaveLength(1);
    expect(await auditCount(db, id, "draw:publish")).toBe(1);
  });

  it("candidates changed since the publication: stale; once drawn, a new pool is drawn anew", async () => {
    const { id, config } = await draftRound(rounds, drawConfig(3));
    const { draw } = await publish(id);
    const more: RoundConfig = { ...drawConfig(4), title: config.title };
    expect(await rounds.replaceDraft(id, more, auditOf(id, "draft:rules"))).toBe("ok");
    expect(await enter(id, draw.id)).toEqual({ ok: false, error: "draw_stale" });
    const fresh = await publish(id);
    expect(fresh.draw.pool).toEqual(["C1", "C2", "C3", "C4"]);
    expect(await enter(id, fresh.draw.id)).toMatchObject({ ok: true });
    expect(
      await rounds.replaceDraft(
        id,
        { ...drawConfig(3), title: config.title },
        auditOf(id, "draft:rules"),
      ),
    ).toBe("ok");
    const third = await publish(id);
    expect(third.created).toBe(true);
    const list = await draws.list(id);
    expect(list?.draws.map((d) => [d.id, d.record !== null, d.supersededAt !== null])).toEqual([
      [1, false, true],
      [2, true, true],
      [3, false, false],
    ]);
  });

  it("an order set by hand needs every candidate once, and is kept with its reason", async () => {
    const { id } = await draftRound(rounds, drawConfig(3));
    const set = (o: string[]) =>
      draws.setOrder(id, o, "候选人张三需提前离场", auditFor(id, "order:set"));
    for (const bad of [["C1", "C2"], ["C1", "C2", "C2"], ["C1", "C2", "C9"], []]) {
      expect(await set(bad)).toEqual({ ok: false, error: "invalid_order" });
    }
    const res = await set(["C3", "C1", "C2"]);
    expect(res).toMatchObject({
      ok: true,
      data: { order: ["C3", "C1", "C2"], reason: "候选人张三需提前离场" },
    });
    expect((await rounds.draftConfig(id))?.speakingOrder).toEqual(["C3", "C1", "C2"]);
    const list = await draws.list(id);
    expect(list?.manualOrders).toHaveLength(1);
    expect(list?.speakingOrder).toEqual(["C3", "C1", "C2"]);
    expect(await auditCount(db, id, "order:set")).toBe(1);
    await refusedWith(
      sql`update round_manual_orders set reason = 'x y' where round_id = ${id}`.execute(db),
      "JP004",
    );
  });

  it("frozen with the start: no publication, entry or order; the database refuses them too", async () => {
    const { id } = await draftRound(rounds);
    const { draw } = await publish(id);
    await rounds.start(id, auditOf(id, "round:start"));
    expect(await draws.publish(id, order, auditFor(id, "draw:publish"))).toEqual({
      ok: false,
      error: "round_frozen",
    });
    expect(await enter(id, draw.id)).toEqual({ ok: false, error: "round_frozen" });
    expect(await draws.setOrder(id, ["C1"], "理由", auditFor(id, "order:set"))).toEqual({
      ok: false,
      error: "round_frozen",
    });
    const record = JSON.stringify(recordOf(id, draw, DICE));
    await refusedWith(
      sql`update round_draws set record = ${record}::jsonb where round_id = ${id}`.execute(db),
      "JP003",
    );
    await refusedWith(
      sql`insert into round_manual_orders (round_id, speaking_order, reason)
          values (${id}, '["C1"]', '理由')`.execute(db),
      "JP003",
    );
  });
});

describe("draw records: the schema's own rules", () => {
  it("refuses a pool that is not the round's candidates, and a record that is not the draw's", async () => {
    const { id } = await draftRound(rounds, drawConfig(3));
    const insert = (pool: string[], picks = pool.length) =>
      sql`insert into round_draws (round_id, purpose, pool, pool_digest, picks, digits_needed, witnesses)
          values (${id}, 'speaking-order', ${JSON.stringify(pool)}::jsonb, ${poolDigest(pool)},
                  ${picks}, 9, ${JSON.stringify(WITNESSES)}::jsonb)`.execute(db);
    await refusedWith(insert(["C2", "C1", "C3"]), "JP021");
    await refusedWith(insert(["C1", "C2"]), "JP021");
    await refusedWith(insert(["C1", "C2", "C3"], 2), "JP021");
    const { draw } = await publish(id);
    const other = makeDrawRecord({
      purpose: "speaking-order",
      pool: ["C1", "C2", "C4"],
      sources: DICE,
      witnesses: WITNESSES,
    });
    await refusedWith(
      sql`update round_draws set record = ${JSON.stringify(other)}::jsonb where round_id = ${id}`.execute(
        db,
      ),
      "23514",
    );
    const oneSource = makeDrawRecord({
      purpose: "speaking-order",
      pool: draw.pool,
      sources: [[1, 2, 3]],
    });
    await refusedWith(
      sql`update round_draws set record = ${JSON.stringify(oneSource)}::jsonb where round_id = ${id}`.execute(
        db,
      ),
      "23514",
    );
  });

  it("what was published never changes; a record is written once; a draw goes only with its round", async () => {
    const { id } = await draftRound(rounds, drawConfig(3));
    const { draw } = await publish(id);
    await refusedWith(
      sql`update round_draws set witnesses = '["甲","乙"]' where round_id = ${id}`.execute(db),
      "JP004",
    );
    await expect(enter(id, draw.id)).resolves.toMatchObject({ ok: true });
    const again = recordOf(id, draw, [[9, 9, 9], [1]]);
    await refusedWith(
      sql`update round_draws set record = ${JSON.stringify(again)}::jsonb where round_id = ${id}`.execute(
        db,
      ),
      "JP022",
    );
    await refusedWith(sql`delete from round_draws where round_id = ${id}`.execute(db), "JP004");
    // A deleted draft takes its draws along.
    expect(await rounds.remove(id, auditOf(id, "round:delete"))).toBe("ok");
    expect(await draws.list(id)).toBeNull();
  });
});

describe("draw records: a post's questions", () => {
  const slot = (postId: string) => ({
    purpose: "questions" as const,
    postId,
    witnesses: WITNESSES,
  });

  it("needs the post's sealed bank, whose ids are the pool and whose count the picks", async () => {
    const { id } = await draftRound(rounds);
    const audit = auditFor(id, "draw:publish");
    expect(await draws.publish(id, slot("P1"), audit)).toEqual({
      ok: false,
      error: "questions_not_sealed",
    });
    expect(await draws.publish(id, slot("P9"), audit)).toEqual({
      ok: false,
      error: "post_not_found",
    });
    const seal = await sealedBank(id, "P1", 12, 4);
    const { draw } = await publish(id, slot("P1"));
    expect(draw).toMatchObject({
      postId: "P1",
      pool: seal.questionIds,
      picks: 4,
      digitsNeeded: 10,
    });
    const res = await enter(id, draw.id);
    if (!res.ok) throw new Error(res.error);
    const result = res.data.draw.record?.result ?? [];
    expect(result).toHaveLength(4);
    const drawn = await questions.drawn(id);
    expect(drawn.P1?.map((q) => q.id)).toEqual(result);
    expect((await rounds.draftConfig(id))?.speakingOrder).toBeUndefined();
  });

  it("no question drawn twice in a round; drawn questions are exactly the draw's result", async () => {
    const { id } = await draftRound(rounds);
    await sealedBank(id, "P1", 5, 3);
    const { draw } = await publish(id, slot("P1"));
    const res = await enter(id, draw.id);
    if (!res.ok) throw new Error(res.error);
    const [first, second] = res.data.draw.record?.result ?? [];
    const insert = (position: number, question: string | undefined) =>
      sql`insert into round_drawn_questions (round_id, post_local_id, position, question_id, draw_id)
          values (${id}, 'P1', ${position}, ${question ?? ""}, ${draw.id})`.execute(db);
    // The same question again at a free position: the draw's result says otherwise, and
    // beneath that rule (its trigger left out) the unique constraint holds on its own.
    await refusedWith(insert(4, first), "JP023");
    await refusedWith(
      db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        await sql`insert into round_drawn_questions (round_id, post_local_id, position, question_id, draw_id)
          values (${id}, 'P1', 4, ${first ?? ""}, ${draw.id})`.execute(tx);
      }),
      "23505",
    );
    const undrawn = (await questions.banks(id))?.[0]?.questions.find(
      (q) => !res.data.draw.record?.result.includes(q.id),
    );
    await refusedWith(insert(4, undrawn?.id), "JP023");
    await refusedWith(
      sql`update round_drawn_questions set question_id = ${second ?? ""} where round_id = ${id}
          and position = 1`.execute(db),
      "JP004",
    );
    // A drawn questions draw is never replaced.
    await refusedWith(
      sql`update round_draws set superseded_at = now() where round_id = ${id}`.execute(db),
      "JP022",
    );
  });
});
