import { fail, ok } from "../../shared/errors.ts";
import { scoresProblem } from "../../shared/rubric.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { candidateOf } from "./candidate-of.ts";
import { tellOtherDevices } from "./card-sockets.ts";

/** The hot path: one validation in Node, then one atomic script in Redis. */
export function ballotHandlers(s: Services): Pick<Handlers, "ballot:submit"> {
  return {
    "ballot:submit": async (ctx, payload) => {
      const { candidateId, nonce, seq } = payload;
      const p = ctx.principal;
      if (p.role !== "voter") return fail("forbidden");
      const found = await candidateOf(s, p.roundId, candidateId);
      if ("error" in found) return fail(found.error);
      // An abstention (回避) carries no scores: there is nothing to check against the rubric.
      const abstain = "abstain" in payload;
      if (!abstain && scoresProblem(found.config.rubric, payload.scores))
        return fail("invalid_scores");
      const out = await s.ballots.submit({
        roundId: p.roundId,
        cardId: p.cardId,
        group: p.group,
        candidateId,
        choice: abstain ? { abstain } : { scores: payload.scores },
        nonce,
        seq,
        socketId: ctx.socket.id,
      });
      if (out.code !== "ok" && out.code !== "duplicate") return fail(out.code);
      if (out.flush) s.tally.schedule(p.roundId);
      if (out.replaced) tellOtherDevices(ctx.socket, candidateId);
      return ok({ receipt: out.receipt, duplicate: out.code === "duplicate" });
    },
  };
}
