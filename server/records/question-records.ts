import { bankBody, bankDigest, inQuestionOrder } from "../../shared/draw/draw-pool.ts";
import type {
  BankQuestion,
  BankSeal,
  DrawnQuestion,
  QuestionBank,
  QuestionEdit,
} from "../../shared/protocol/draws.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { type AuditRecord, insertAudit } from "./audit-records.ts";
import { constraintOf, type Db, SQLSTATE, sqlState } from "./db.ts";
import { done, refused, type StoreResult } from "./store-result.ts";

/**
 * Why a question was not saved or deleted: no such round, post or question; the session
 * started; the post's bank is sealed; the same words are already a question of the round.
 */
export type QuestionError =
  | "round_not_found"
  | "round_frozen"
  | "post_not_found"
  | "question_not_found"
  | "questions_sealed"
  | "question_duplicate";

/** Why a seal was refused: as above, or fewer questions than the draw takes. */
export type SealError =
  | "round_not_found"
  | "round_frozen"
  | "post_not_found"
  | "questions_sealed"
  | "questions_too_few";

export interface QuestionInput {
  postId: string;
  /** The question to edit; a new one when left out. */
  questionId?: string;
  text: string;
  /** Who wrote (or edited) it, as entered. */
  by: string;
}

/**
 * The defense questions of a round's posts (migrations/0003_draws.ts): written and edited
 * while the round is a draft, each change kept as a version by the database; a bank sealed
 * with the SHA-256 of its questions, after which the database refuses any change to it; the
 * questions drawn. Only the organizer's commands read a bank; the drawn questions are what
 * the chair reads out.
 */
export interface QuestionRecords {
  /** Every post's bank, in the round file's post order; null when there is no such round. */
  banks(roundId: string): Promise<QuestionBank[] | null>;
  save(
    roundId: string,
    input: QuestionInput,
    audit: AuditRecord,
  ): Promise<StoreResult<BankQuestion, QuestionError>>;
  /** Marks a question deleted (its history stays). */
  remove(
    roundId: string,
    questionId: string,
    by: string,
    audit: AuditRecord,
  ): Promise<StoreResult<null, QuestionError>>;
  /** Seals the post's bank as it stands; sealing it again with the same count changes nothing. */
  seal(
    roundId: string,
    postId: string,
    count: number,
    audit: AuditRecord,
  ): Promise<StoreResult<{ seal: BankSeal; created: boolean }, SealError>>;
  /** The drawn questions per post, in the order drawn (cached once the round has started). */
  drawn(roundId: string): Promise<Record<string, DrawnQuestion[]>>;
}

function questionError(err: unknown): QuestionError | null {
  const state = sqlState(err);
  if (state === SQLSTATE.frozen) return "round_frozen";
  if (state === SQLSTATE.bankSealed) return "questions_sealed";
  if (state === SQLSTATE.unique && constraintOf(err) === "round_questions_text") {
    return "question_duplicate";
  }
  if (constraintOf(err) === "round_questions_post") return "post_not_found";
  return null;
}

const postsOf = async (db: Db, roundId: string) => {
  const row = await db
    .selectFrom("rounds")
    .select("config")
    .where("id", "=", roundId)
    .executeTakeFirst();
  return row ? (row.config as RoundConfig).positions.map((p) => p.id) : null;
};

export function createQuestionRecords(db: Db): QuestionRecords {
  const drawnCache = new Map<string, Record<string, DrawnQuestion[]>>();

  async function question(roundId: string, id: string): Promise<BankQuestion | null> {
    const banks = await readBanks(roundId, [id]);
    return banks.questions[0] ?? null;
  }

  /** Questions (not deleted) with their history, of the round or only of the ids asked. */
  async function readBanks(roundId: string, ids?: string[]) {
    let q = db
      .selectFrom("round_questions")
      .selectAll()
      .where("round_id", "=", roundId)
      .where("deleted_at", "is", null);
    if (ids) q = q.where("id", "in", ids);
    const rows = await q.orderBy("seq").execute();
    const history =
      rows.length === 0
        ? []
        : await db
            .selectFrom("round_question_versions")
            .selectAll()
            .where("round_id", "=", roundId)
            .where(
              "question_id",
              "in",
              rows.map((r) => r.id),
            )
            .orderBy("question_id")
            .orderBy("version")
            .execute();
    const edits = new Map<string, QuestionEdit[]>();
    for (const v of history) {
      const list = edits.get(v.question_id) ?? [];
      list.push({
        version: v.version,
        action: v.action,
        text: v.text,
        by: v.by,
        at: v.at.toISOString(),
      });
      edits.set(v.question_id, list);
    }
    const questions: BankQuestion[] = rows.map((r) => ({
      id: r.id,
      postId: r.post_local_id,
      text: r.text,
      author: r.author,
      createdAt: r.created_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      updatedBy: r.updated_by,
      history: edits.get(r.id) ?? [],
    }));
    return { questions };
  }

  return {
    async banks(roundId) {
      const posts = await postsOf(db, roundId);
      if (!posts) return null;
      const [{ questions }, seals, drawn] = await Promise.all([
        readBanks(roundId),
        db.selectFrom("round_question_seals").selectAll().where("round_id", "=", roundId).execute(),
        db
          .selectFrom("round_drawn_questions")
          .select(["post_local_id", "question_id"])
          .where("round_id", "=", roundId)
          .orderBy("post_local_id")
          .orderBy("position")
          .execute(),
      ]);
      return posts.map((postId) => {
        const seal = seals.find((s) => s.post_local_id === postId);
        const ids = drawn.filter((d) => d.post_local_id === postId).map((d) => d.question_id);
        return {
          postId,
          questions: questions.filter((q) => q.postId === postId),
          seal: seal
            ? {
                postId,
                count: seal.count,
                sha256: seal.sha256,
                questionIds: seal.question_ids,
                sealedAt: seal.sealed_at.toISOString(),
              }
            : null,
          drawn: ids.length > 0 ? ids : null,
        };
      });
    },

    async save(roundId, { postId, questionId, ...words }, audit) {
      // Stored as written, less the blanks around it (the same words are one question).
      const text = words.text.trim();
      const by = words.by.trim();
      const posts = await postsOf(db, roundId);
      if (!posts) return refused("round_not_found");
      if (!posts.includes(postId)) return refused("post_not_found");
      try {
        const id = await db.transaction().execute(async (tx) => {
          if (questionId === undefined) {
            const row = await tx
              .insertInto("round_questions")
              .values({ round_id: roundId, post_local_id: postId, text, author: by })
              .returning("id")
              .executeTakeFirstOrThrow();
            await insertAudit(tx, [audit]);
            return row.id;
          }
          const row = await tx
            .updateTable("round_questions")
            .set({ text, updated_by: by })
            .where("round_id", "=", roundId)
            .where("id", "=", questionId)
            .where("post_local_id", "=", postId)
            .where("deleted_at", "is", null)
            .returning("id")
            .executeTakeFirst();
          if (!row) return null;
          await insertAudit(tx, [audit]);
          return row.id;
        });
        if (id === null) return refused("question_not_found");
        const saved = await question(roundId, id);
        return saved ? done(saved) : refused("question_not_found");
      } catch (err) {
        const code = questionError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async remove(roundId, questionId, by, audit) {
      if (!(await postsOf(db, roundId))) return refused("round_not_found");
      try {
        return await db.transaction().execute(async (tx) => {
          const row = await tx
            .updateTable("round_questions")
            .set({ deleted_at: new Date(), deleted_by: by })
            .where("round_id", "=", roundId)
            .where("id", "=", questionId)
            .where("deleted_at", "is", null)
            .returning("id")
            .executeTakeFirst();
          if (!row) return refused("question_not_found" as const);
          await insertAudit(tx, [audit]);
          return done(null);
        });
      } catch (err) {
        const code = questionError(err);
        if (code) return refused(code);
        throw err;
      }
    },

    async seal(roundId, postId, count, audit) {
      try {
        return await db.transaction().execute(async (tx) => {
          // Held against the questions' shared hold (draft_only): no question changes between
          // this read and the seal, which the database checks against the bank again.
          const round = await tx
            .selectFrom("rounds")
            .select(["status", "config"])
            .where("id", "=", roundId)
            .forNoKeyUpdate()
            .executeTakeFirst();
          if (!round) return refused("round_not_found" as const);
          if (round.status !== "draft") return refused("round_frozen" as const);
          const config = round.config as RoundConfig;
          if (!config.positions.some((p) => p.id === postId)) return refused("post_not_found");
          const held = await tx
            .selectFrom("round_question_seals")
            .selectAll()
            .where("round_id", "=", roundId)
            .where("post_local_id", "=", postId)
            .executeTakeFirst();
          const toSeal = (s: NonNullable<typeof held>): BankSeal => ({
            postId,
            count: s.count,
            sha256: s.sha256,
            questionIds: s.question_ids,
            sealedAt: s.sealed_at.toISOString(),
          });
          if (held) {
            return held.count === count
              ? done({ seal: toSeal(held), created: false })
              : refused("questions_sealed");
          }
          const rows = await tx
            .selectFrom("round_questions")
            .select(["id", "text"])
            .where("round_id", "=", roundId)
            .where("post_local_id", "=", postId)
            .where("deleted_at", "is", null)
            .execute();
          if (rows.length < count) return refused("questions_too_few");
          const questions = inQuestionOrder(rows);
          const row = await tx
            .insertInto("round_question_seals")
            .values({
              round_id: roundId,
              post_local_id: postId,
              count,
              body: bankBody(questions),
              sha256: bankDigest(questions),
              question_ids: JSON.stringify(questions.map((q) => q.id)),
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await insertAudit(tx, [audit]);
          return done({ seal: toSeal(row), created: true });
        });
      } catch (err) {
        const state = sqlState(err);
        if (state === SQLSTATE.frozen) return refused("round_frozen");
        if (constraintOf(err) === "round_question_seals_post") return refused("post_not_found");
        throw err;
      }
    },

    async drawn(roundId) {
      const cached = drawnCache.get(roundId);
      if (cached) return cached;
      const [round, rows] = await Promise.all([
        db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst(),
        db
          .selectFrom("round_drawn_questions as d")
          .innerJoin("round_questions as q", (j) =>
            j.onRef("q.round_id", "=", "d.round_id").onRef("q.id", "=", "d.question_id"),
          )
          .select(["d.post_local_id", "d.question_id", "q.text"])
          .where("d.round_id", "=", roundId)
          .orderBy("d.post_local_id")
          .orderBy("d.position")
          .execute(),
      ]);
      const out: Record<string, DrawnQuestion[]> = {};
      for (const r of rows) {
        const list = out[r.post_local_id] ?? [];
        list.push({ id: r.question_id, text: r.text });
        out[r.post_local_id] = list;
      }
      // Frozen with the round's start (round_draft_guard): from then on they never change.
      if (round && round.status !== "draft") drawnCache.set(roundId, out);
      return out;
    },
  };
}
