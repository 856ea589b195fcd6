import { type ErrorCode, fail, ok, type Result } from "../../shared/errors.ts";
import type { SessionState } from "../../shared/protocol/index.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { announce, broadcastScreen, broadcastState } from "./broadcast.ts";
import { candidateOf } from "./candidate-of.ts";
import { markHandlers } from "./mark-handlers.ts";

type SessionHandlers = Pick<
  Handlers,
  | "session:goto"
  | "timer:start"
  | "timer:stop"
  | "scoring:open"
  | "scoring:close"
  | "screen:show"
  | "candidate:mark"
>;

/** The chair's controls. Every change is one Lua script; then the new state goes out. */
export function sessionHandlers(s: Services): SessionHandlers {
  async function after(roundId: string, code: "ok" | ErrorCode): Promise<Result<SessionState>> {
    if (code !== "ok") return fail(code);
    return ok(await broadcastState(s, roundId));
  }

  return {
    ...markHandlers(s),

    "session:goto": async (ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const audit = s.audit.write(ctx.principal, roundId, "session:goto", {
        subject: candidateId,
      });
      return after(roundId, await s.sessions.goto(roundId, candidateId, audit));
    },

    "timer:start": async (_ctx, { roundId, kind }) => {
      const config = await s.rounds.config(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      const seconds =
        kind === "speech" ? config.timers.speechSeconds : config.timers.defenseSeconds;
      return after(roundId, await s.sessions.timerStart(roundId, kind, seconds * 1000));
    },

    "timer:stop": async (_ctx, { roundId }) => {
      if (!(await s.rounds.exists(roundId))) return fail(await s.rounds.missing(roundId));
      return after(roundId, await s.sessions.timerStop(roundId));
    },

    "scoring:open": async (ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const at = new Date();
      const audit = s.audit.write(
        ctx.principal,
        roundId,
        "scoring:open",
        {
          subject: candidateId,
        },
        at,
      );
      const opened = await s.sessions.openWindow(roundId, candidateId, audit, {
        at,
        role: ctx.principal.role,
      });
      if (opened.voided.length > 0) {
        // The decisions changed: every staff screen, the projector's ranking included, follows.
        s.logger.info("tie decisions voided", { roundId, candidateId, posts: opened.voided });
        await announce(s, roundId, { ranking: { config: found.config }, screen: true });
      }
      const res = await after(roundId, opened.code);
      void s.tally.broadcast(roundId);
      return res.ok ? ok({ ...res.data, voidedDecisions: opened.voided }) : res;
    },

    "scoring:close": async (ctx, { roundId, candidateId }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const audit = s.audit.write(ctx.principal, roundId, "scoring:close", {
        subject: candidateId,
      });
      const res = await after(roundId, await s.sessions.closeWindow(roundId, candidateId, audit));
      void s.tally.broadcast(roundId);
      return res;
    },

    "screen:show": async (_ctx, { roundId, view }) => {
      const config = await s.rounds.config(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      if (view === "ranking") {
        await s.results.ranking(roundId, config);
        await broadcastScreen(s, roundId);
      }
      return after(roundId, await s.sessions.showScreen(roundId, view));
    },
  };
}
