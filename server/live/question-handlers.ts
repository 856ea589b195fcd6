import { fail, ok } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { broadcastScreen, broadcastState } from "./broadcast.ts";

/**
 * A drawn defense question on the projector (issue 8 item 7): the chair opens it when the
 * candidate is to answer it. A screen view like those of screen:show, and audited.
 */
export function questionScreenHandlers(s: Services): Pick<Handlers, "question:show"> {
  return {
    "question:show": async (ctx, { roundId, postId, questionId }) => {
      if (!(await s.rounds.exists(roundId))) return fail(await s.rounds.missing(roundId));
      // Drawn before the start and frozen with it: the records' cached list.
      const drawn = (await s.records.questions.drawn(roundId))[postId] ?? [];
      const number = drawn.findIndex((q) => q.id === questionId) + 1;
      const question = drawn[number - 1];
      if (!question) return fail("question_not_found");
      const audit = s.audit.write(ctx.principal, roundId, "question:show", {
        subject: questionId,
        note: postId,
      });
      const code = await s.sessions.showQuestion(roundId, { postId, number, ...question }, audit);
      if (code !== "ok") return fail(code);
      // The question first, then the view: a projector switching to it has its words.
      await broadcastScreen(s, roundId).catch((err: unknown) =>
        s.logger.warn("question not broadcast", { roundId, err: String(err) }),
      );
      return ok(await broadcastState(s, roundId));
    },
  };
}
