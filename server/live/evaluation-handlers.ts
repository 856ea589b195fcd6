import { fail, ok } from "../../shared/errors.ts";
import type { Principal } from "../../shared/roles.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { announce, broadcastState } from "./broadcast.ts";
import { tellOtherDevices } from "./card-sockets.ts";

type EvaluationHandlers = Pick<
  Handlers,
  "evaluation:open" | "evaluation:close" | "evaluation:reveal" | "evaluation:submit"
>;

/** The democratic evaluation (民主测评): one window, one ballot per card for all candidates. */
export function evaluationHandlers(s: Services): EvaluationHandlers {
  const toggle = (to: "open" | "closed") => async (principal: Principal, roundId: string) => {
    if (!(await s.rounds.exists(roundId))) return fail(await s.rounds.missing(roundId));
    const action = to === "open" ? "evaluation:open" : "evaluation:close";
    const audit = s.audit.write(principal, roundId, action);
    const code = await s.sessions.evaluationWindow(roundId, to, audit);
    if (code !== "ok") return fail(code);
    void s.tally.broadcast(roundId);
    return ok(await broadcastState(s, roundId));
  };
  const open = toggle("open");
  const close = toggle("closed");

  return {
    "evaluation:open": async (ctx, { roundId }) => open(ctx.principal, roundId),
    "evaluation:close": async (ctx, { roundId }) => close(ctx.principal, roundId),

    "evaluation:reveal": async (ctx, { roundId }) => {
      const config = await s.rounds.config(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      const audit = s.audit.write(ctx.principal, roundId, "evaluation:reveal");
      const res = await s.reveals.revealEvaluation(roundId, config, audit);
      if (!res.ok) return res;
      await announce(s, roundId, { screen: true, state: true });
      return res;
    },

    "evaluation:submit": async (ctx, { choices, nonce, seq }) => {
      const p = ctx.principal;
      if (p.role !== "voter") return fail("forbidden");
      const config = await s.rounds.config(p.roundId);
      if (!config) return fail(await s.rounds.missing(p.roundId));
      const candidateIds = config.candidates.map((c) => c.id);
      const options = new Set(config.evaluationOptions.map((o) => o.id));
      const known = new Set(candidateIds);
      for (const [candidate, option] of Object.entries(choices)) {
        if (!known.has(candidate) || !options.has(option)) return fail("invalid_choices");
      }
      const out = await s.ballots.evaluate({
        roundId: p.roundId,
        cardId: p.cardId,
        group: p.group,
        candidateIds,
        choices,
        nonce,
        seq,
        socketId: ctx.socket.id,
      });
      if (out.code !== "ok" && out.code !== "duplicate") return fail(out.code);
      if (out.flush) s.tally.schedule(p.roundId);
      if (out.replaced) tellOtherDevices(ctx.socket, null);
      return ok({ receipt: out.receipt, duplicate: out.code === "duplicate" });
    },
  };
}
