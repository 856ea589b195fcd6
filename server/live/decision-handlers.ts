import { fail, ok } from "../../shared/errors.ts";
import type { TieDecision } from "../../shared/round-export.ts";
import { edgeTie } from "../../shared/scoring/index.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

/** Tie decisions (recorded by the chair, never random) and the audit trail. */
export function decisionHandlers(s: Services): Pick<Handlers, "tie:decide" | "audit:list"> {
  return {
    "tie:decide": async (_ctx, { roundId, positionId, chosen, reason }) => {
      const config = await s.rounds.config(roundId);
      if (!config) return fail("round_not_found");
      const position = (await s.results.current(roundId, config)).positions.find(
        (p) => p.id === positionId,
      );
      const tie = position ? edgeTie(position) : null;
      const fits = tie && chosen.length === tie.seats && new Set(chosen).size === chosen.length;
      if (!tie || !fits || !chosen.every((c) => tie.tied.includes(c)))
        return fail("invalid_decision");
      const decision: TieDecision = {
        positionId,
        chosen,
        reason,
        decidedAt: new Date(await s.sessions.now()).toISOString(),
      };
      if ((await s.decisions.append(roundId, decision)) !== "ok") return fail("round_locked");
      s.logger.info("tie decided", { roundId, positionId });
      return ok(decision);
    },

    "audit:list": async (_ctx, { roundId }) => {
      if (!(await s.rounds.exists(roundId))) return fail("round_not_found");
      return ok(await s.audit.list(roundId));
    },
  };
}
