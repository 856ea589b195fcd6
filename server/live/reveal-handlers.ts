import { fail } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { announce, broadcastState } from "./broadcast.ts";
import { candidateOf } from "./candidate-of.ts";

type RevealHandlers = Pick<Handlers, "result:preview" | "result:reveal" | "result:hide">;

/** A candidate's result: seen by the chair first, then shown to the hall, or taken back. */
export function revealHandlers(s: Services): RevealHandlers {
  return {
    "result:preview": async (_ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      return s.reveals.preview(roundId, found.config, candidateId);
    },

    "result:reveal": async (ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const audit = s.audit.write(ctx.principal, roundId, "result:reveal", {
        subject: candidateId,
      });
      const result = await s.reveals.reveal(roundId, found.config, candidateId, audit);
      if (!result.ok) return result;
      s.logger.info("result revealed", { roundId, candidateId });
      await announce(s, roundId, { screen: true, state: true });
      return result;
    },

    "result:hide": async (ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const audit = s.audit.write(ctx.principal, roundId, "result:hide", {
        subject: candidateId,
      });
      const hidden = await s.reveals.hide(roundId, candidateId, audit);
      if (!hidden.ok) return hidden;
      s.logger.info("result hidden", { roundId, candidateId });
      // A ranking already computed counted the candidate: compute it again without them.
      const ranking = hidden.data.rankingCached
        ? { config: found.config, rebuild: true }
        : undefined;
      await announce(s, roundId, { screen: true, ranking });
      return { ok: true, data: await broadcastState(s, roundId) };
    },
  };
}
