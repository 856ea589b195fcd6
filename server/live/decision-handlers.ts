import { fail, ok } from "../../shared/errors.ts";
import type { TieDecision } from "../../shared/round-export.ts";
import { decisionFits } from "../../shared/scoring/index.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { announce } from "./broadcast.ts";

/** Tie decisions (recorded by the chair, never random) and the audit trail. */
export function decisionHandlers(s: Services): Pick<Handlers, "tie:decide" | "audit:list"> {
  return {
    "tie:decide": async (ctx, { roundId, positionId, chosen, reason }) => {
      const config = await s.rounds.config(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      const position = (await s.results.current(roundId, config)).positions.find(
        (p) => p.id === positionId,
      );
      // A tie met while settling the targets: an open one, or a decided one decided again.
      const tie = position?.quotaTies.find((q) =>
        decisionFits({ positionId, chosen, tied: q.tied }, positionId, q),
      );
      if (!tie) return fail("invalid_decision");
      const decision: TieDecision = {
        positionId,
        // In ranking order, as the results sheet lists them.
        chosen: tie.tied.filter((c) => chosen.includes(c)),
        tied: tie.tied,
        reason,
        decidedAt: new Date(await s.sessions.now()).toISOString(),
      };
      const audit = s.audit.write(ctx.principal, roundId, "tie:decide", {
        subject: positionId,
        note: reason,
      });
      const stored = await s.decisions.append(roundId, decision, audit);
      if (stored !== "ok") return fail(stored);
      s.logger.info("tie decided", { roundId, positionId });
      await announce(s, roundId, { ranking: { config }, screen: true, state: true });
      return ok(decision);
    },

    "audit:list": async (_ctx, { roundId }) => {
      // A draft's trail too: building a round in the console is audited (issue 8).
      if (!(await s.rounds.record(roundId))) return fail("round_not_found");
      return ok(await s.audit.list(roundId));
    },
  };
}
