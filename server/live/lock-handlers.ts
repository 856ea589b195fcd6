import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { announce } from "./broadcast.ts";

export function lockHandlers(s: Services): Pick<Handlers, "round:lock"> {
  return {
    "round:lock": async (ctx, { roundId }) => {
      const now = new Date(await s.sessions.now());
      const audit = s.audit.write(ctx.principal, roundId, "round:lock", {}, now);
      const res = await s.locks.lock(roundId, now, audit);
      if (!res.ok) return res;
      // The round is locked: nothing after this may turn the reply into an error.
      await announce(s, roundId);
      return res;
    },
  };
}
