import { fail, ok } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

type QuestionHandlers = Pick<
  Handlers,
  "questions:list" | "question:save" | "question:delete" | "questions:seal" | "questions:drawn"
>;

/**
 * The defense questions (答辩题): each post's bank, the organizer's alone until drawn (the
 * command table lets no other role read it), sealed before its draw; the drawn questions for
 * the chair and the observer. Audit entries name the question and who, never its words: the
 * observer reads the trail, and the bank stays sealed.
 */
export function questionHandlers(s: Services): QuestionHandlers {
  return {
    "questions:list": async (_ctx, { roundId }) => {
      const banks = await s.records.questions.banks(roundId);
      return banks ? ok({ banks }) : fail("round_not_found");
    },

    "question:save": async (ctx, { roundId, postId, questionId, text, by }) => {
      const audit = s.audit.record(ctx.principal, roundId, "question:save", {
        subject: questionId ?? postId,
        note: by,
      });
      const res = await s.records.questions.save(
        roundId,
        { postId, ...(questionId !== undefined && { questionId }), text, by },
        audit,
      );
      return res.ok ? ok(res.data) : fail(res.error);
    },

    "question:delete": async (ctx, { roundId, questionId, by }) => {
      const audit = s.audit.record(ctx.principal, roundId, "question:delete", {
        subject: questionId,
        note: by,
      });
      const res = await s.records.questions.remove(roundId, questionId, by, audit);
      return res.ok ? ok({ questionId }) : fail(res.error);
    },

    "questions:seal": async (ctx, { roundId, postId, count }) => {
      const audit = s.audit.record(ctx.principal, roundId, "questions:seal", {
        subject: postId,
        note: String(count),
      });
      const res = await s.records.questions.seal(roundId, postId, count, audit);
      return res.ok ? ok(res.data.seal) : fail(res.error);
    },

    "questions:drawn": async (_ctx, { roundId }) => {
      if (!(await s.records.rounds.get(roundId))) return fail("round_not_found");
      return ok({ questions: await s.records.questions.drawn(roundId) });
    },
  };
}
