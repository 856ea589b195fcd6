import { sql, type Transaction } from "kysely";
import { speakingOrderPool } from "../../shared/draw/draw-pool.ts";
import { type DrawPurpose, DrawRecordFile } from "../../shared/draw/draw-record.ts";
import { digitsNeeded, makeDrawRecord, poolDigest } from "../../shared/draw/rfc3797.ts";
import type { DrawList, ManualOrder, PublishedDraw } from "../../shared/protocol/draws.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { constraintOf, type Database, type Db, SQLSTATE, sqlState } from "./db.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

/** What a draw decides: the speaking order, or one post's questions. */
export interface DrawSlot {
  purpose: DrawPurpose;
  /** The post whose questions are drawn; null for the speaking order. */
  postId: string | null;
}

/**
 * Why a publication was refused: no such round; its session started; no such post; nothing
 * to draw (no candidates yet); the post's bank is not sealed; this pool was drawn already
 * (its result stands: an order is then set by hand, with a reason).
 */
export type PublishError =
  | "round_not_found"
  | "round_frozen"
  | "post_not_found"
  | "draw_pool_empty"
  | "questions_not_sealed"
  | "draw_done";

/**
 * Why the witnesses' numbers were refused: no such round or draw; the session started; a
 * newer publication replaced the draw; the round's candidates are no longer its pool; it
 * was drawn already with other numbers.
 */
export type EnterError =
  | "round_not_found"
  | "round_frozen"
  | "draw_not_found"
  | "draw_superseded"
  | "draw_stale"
  | "draw_done";

export type OrderError = "round_not_found" | "round_frozen" | "invalid_order";

/**
 * The public draws of a round (migrations/0003_draws.ts): each published first, then drawn
 * once from the witnesses' numbers; a speaking order drawn or set by hand lands in the
 * draft's round file (speakingOrder) in the same transaction, questions drawn in
 * round_drawn_questions. The schema refuses a pool that is not the round's candidates or the
 * sealed bank, a second record, and anything once the session has started.
 */
export interface DrawRecords {
  /**
   * Publishes the slot's pool with the witnesses who will give the numbers. The same
   * publication again (a retry) answers with the draw in force and changes nothing
   * (`created` false); another one replaces a draw not yet drawn.
   */
  publish(
    roundId: string,
    input: DrawSlot & { witnesses: string[] },
    audit: AuditRecord,
  ): Promise<StoreResult<{ draw: PublishedDraw; created: boolean }, PublishError>>;
  /**
   * Draws from the witnesses' numbers, one source per witness (checked by the caller, as
   * is their count of digits). The same numbers again answer with the record made first.
   */
  enter(
    roundId: string,
    drawId: number,
    sources: number[][],
    audit: AuditRecord,
  ): Promise<StoreResult<{ draw: PublishedDraw; created: boolean }, EnterError>>;
  /** Sets the speaking order by hand: every candidate once, with the reason. */
  setOrder(
    roundId: string,
    order: string[],
    reason: string,
    audit: AuditRecord,
  ): Promise<StoreResult<ManualOrder, OrderError>>;
  /** The round's draws and orders set by hand; null when there is no such round. */
  list(roundId: string): Promise<DrawList | null>;
  get(roundId: string, drawId: number): Promise<PublishedDraw | null>;
}

type DrawRow = Pick<
  Database["round_draws"],
  "round_id" | "purpose" | "post_local_id" | "pool_digest" | "picks" | "digits_needed"
> & {
  id: number;
  pool: string[];
  witnesses: string[];
  record: unknown;
  published_at: Date;
  drawn_at: Date | null;
  superseded_at: Date | null;
};

const drawColumns = [
  "round_id",
  "id",
  "purpose",
  "post_local_id",
  "pool",
  "pool_digest",
  "picks",
  "digits_needed",
  "witnesses",
  "published_at",
  "record",
  "drawn_at",
  "superseded_at",
] as const;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

const toDraw = (r: DrawRow): PublishedDraw => ({
  roundId: r.round_id,
  id: r.id,
  purpose: r.purpose,
  postId: r.post_local_id,
  pool: r.pool,
  poolDigest: r.pool_digest,
  picks: r.picks,
  digitsNeeded: r.digits_needed,
  witnesses: r.witnesses,
  publishedAt: r.published_at.toISOString(),
  // Parsed again: jsonb keeps keys in its own order, the file lists them in the format's.
  record: r.record ? DrawRecordFile.parse(r.record) : null,
  drawnAt: iso(r.drawn_at),
  supersededAt: iso(r.superseded_at),
});

const same = (a: readonly unknown[], b: readonly unknown[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/**
 * The round's row, held to commit: one draw or order change of a round at a time, and a
 * session starting meanwhile waits for it (then finds the order in the file it freezes).
 */
async function lockRound(tx: Transaction<Database>, roundId: string) {
  const row = await tx
    .selectFrom("rounds")
    .select(["status", "config"])
    .where("id", "=", roundId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return "round_not_found" as const;
  if (row.status !== "draft") return "round_frozen" as const;
  return row.config as RoundConfig;
}

/** Writes the order into the draft's round file: nothing else of it changes. */
async function writeOrder(
  tx: Transaction<Database>,
  roundId: string,
  config: RoundConfig,
  order: string[],
) {
  await tx
    .updateTable("rounds")
    .set({ config: JSON.stringify({ ...config, speakingOrder: order }), updated_at: sql`now()` })
    .where("id", "=", roundId)
    .execute();
}

async function inForce(tx: Transaction<Database>, roundId: string, slot: DrawSlot) {
  const row = await tx
    .selectFrom("round_draws")
    .select(drawColumns)
    .where("round_id", "=", roundId)
    .where("purpose", "=", slot.purpose)
    .where(sql<boolean>`coalesce(post_local_id, '') = ${slot.postId ?? ""}`)
    .where("superseded_at", "is", null)
    .forUpdate()
    .executeTakeFirst();
  return row ? toDraw(row) : null;
}

export function createDrawRecords(db: Db): DrawRecords {
  return {
    async publish(roundId, { purpose, postId, witnesses }, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const config = await lockRound(tx, roundId);
          if (typeof config === "string") return refused(config);
          let pool: string[];
          let picks: number;
          if (purpose === "speaking-order") {
            pool = speakingOrderPool(config.candidates);
            picks = pool.length;
          } else {
            if (!config.positions.some((p) => p.id === postId)) return refused("post_not_found");
            const seal = await tx
              .selectFrom("round_question_seals")
              .select(["question_ids", "count"])
              .where("round_id", "=", roundId)
              .where("post_local_id", "=", postId ?? "")
              .executeTakeFirst();
            if (!seal) return refused("questions_not_sealed");
            pool = seal.question_ids;
            picks = seal.count;
          }
          if (pool.length === 0) return refused("draw_pool_empty");
          const slot = { purpose, postId: purpose === "questions" ? postId : null };
          const current = await inForce(tx, roundId, slot);
          if (current && same(current.pool, pool)) {
            if (current.record) return refused("draw_done");
            if (same(current.witnesses, witnesses)) return done({ draw: current, created: false });
          }
          if (current) {
            await tx
              .updateTable("round_draws")
              .set({ superseded_at: new Date() })
              .where("round_id", "=", roundId)
              .where("id", "=", current.id)
              .execute();
          }
          const row = await tx
            .insertInto("round_draws")
            .values({
              round_id: roundId,
              purpose,
              post_local_id: slot.postId,
              pool: JSON.stringify(pool),
              pool_digest: poolDigest(pool),
              picks,
              digits_needed: digitsNeeded(pool.length, picks),
              witnesses: JSON.stringify(witnesses),
            })
            .returning(drawColumns)
            .executeTakeFirstOrThrow();
          await insertAudit(tx, [audit]);
          return done({ draw: toDraw(row), created: true });
        });
      } catch (err) {
        if (sqlState(err) === SQLSTATE.frozen) return refused("round_frozen");
        // The post is not one of the round's (the deferred key, at commit).
        if (constraintOf(err) === "round_draws_question_post") return refused("post_not_found");
        throw err;
      }
    },

    async enter(roundId, drawId, sources, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const config = await lockRound(tx, roundId);
          if (typeof config === "string") return refused(config);
          const row = await tx
            .selectFrom("round_draws")
            .select(drawColumns)
            .where("round_id", "=", roundId)
            .where("id", "=", drawId)
            .forUpdate()
            .executeTakeFirst();
          if (!row) return refused("draw_not_found");
          const draw = toDraw(row);
          if (draw.supersededAt) return refused("draw_superseded");
          if (draw.record) {
            return same(draw.record.sources, sources)
              ? done({ draw, created: false })
              : refused("draw_done");
          }
          const record = makeDrawRecord({
            purpose: draw.purpose,
            roundId,
            ...(draw.postId !== null && { postId: draw.postId }),
            pool: draw.pool,
            sources,
            picks: draw.picks,
            witnesses: draw.witnesses,
          });
          if (draw.purpose === "speaking-order") {
            if (!same(speakingOrderPool(config.candidates), draw.pool))
              return refused("draw_stale");
            await writeOrder(tx, roundId, config, record.result);
          }
          const drawn = await tx
            .updateTable("round_draws")
            .set({ record: JSON.stringify(record) })
            .where("round_id", "=", roundId)
            .where("id", "=", drawId)
            .returning(drawColumns)
            .executeTakeFirstOrThrow();
          if (draw.purpose === "questions" && draw.postId !== null) {
            const postId = draw.postId;
            await tx
              .insertInto("round_drawn_questions")
              .values(
                record.result.map((questionId, i) => ({
                  round_id: roundId,
                  post_local_id: postId,
                  position: i + 1,
                  question_id: questionId,
                  draw_id: drawId,
                })),
              )
              .execute();
          }
          await insertAudit(tx, [audit]);
          return done({ draw: toDraw(drawn), created: true });
        });
      } catch (err) {
        if (sqlState(err) === SQLSTATE.frozen) return refused("round_frozen");
        throw err;
      }
    },

    async setOrder(roundId, order, reason, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          const config = await lockRound(tx, roundId);
          if (typeof config === "string") return refused(config);
          const ids = config.candidates.map((c) => c.id);
          const whole =
            ids.length > 0 &&
            order.length === ids.length &&
            new Set(order).size === order.length &&
            order.every((id) => ids.includes(id));
          if (!whole) return refused("invalid_order");
          await writeOrder(tx, roundId, config, order);
          const row = await tx
            .insertInto("round_manual_orders")
            .values({ round_id: roundId, speaking_order: JSON.stringify(order), reason })
            .returning(["speaking_order", "reason", "set_at"])
            .executeTakeFirstOrThrow();
          await insertAudit(tx, [audit]);
          return done({
            order: row.speaking_order,
            reason: row.reason,
            setAt: iso(row.set_at) ?? "",
          });
        });
      } catch (err) {
        if (sqlState(err) === SQLSTATE.frozen) return refused("round_frozen");
        throw err;
      }
    },

    async list(roundId) {
      const round = await db
        .selectFrom("rounds")
        .select("config")
        .where("id", "=", roundId)
        .executeTakeFirst();
      if (!round) return null;
      const [draws, manual] = await Promise.all([
        db
          .selectFrom("round_draws")
          .select(drawColumns)
          .where("round_id", "=", roundId)
          .orderBy("id")
          .execute(),
        db
          .selectFrom("round_manual_orders")
          .select(["speaking_order", "reason", "set_at"])
          .where("round_id", "=", roundId)
          .orderBy("id")
          .execute(),
      ]);
      return {
        draws: draws.map(toDraw),
        manualOrders: manual.map((m) => ({
          order: m.speaking_order,
          reason: m.reason,
          setAt: m.set_at.toISOString(),
        })),
        speakingOrder: (round.config as RoundConfig).speakingOrder ?? null,
      };
    },

    async get(roundId, drawId) {
      const row = await db
        .selectFrom("round_draws")
        .select(drawColumns)
        .where("round_id", "=", roundId)
        .where("id", "=", drawId)
        .executeTakeFirst();
      return row ? toDraw(row) : null;
    },
  };
}
