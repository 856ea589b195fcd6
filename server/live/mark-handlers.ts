import { fail, ok } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { broadcastState } from "./broadcast.ts";
import { candidateOf } from "./candidate-of.ts";

/**
 * 弃权 and 缺席: the organizer or the chair marks a candidate who withdrew after the review,
 * or did not appear, so every page skips them and the count leaves them unranked. One
 * audited script checks and stores it, with the time of the action (the audit entry's).
 */
export function markHandlers(s: Services): Pick<Handlers, "candidate:mark"> {
  return {
    "candidate:mark": async (ctx, { roundId, candidateId, mark }) => {
      const found = await candidateOf(s, roundId, candidateId);
      if ("error" in found) return fail(found.error);
      const at = new Date();
      // The note says which mark was set; none: a mark taken back.
      const audit = s.audit.write(
        ctx.principal,
        roundId,
        "candidate:mark",
        { subject: candidateId, note: mark },
        at,
      );
      const code = await s.sessions.mark(roundId, candidateId, mark, at, audit);
      if (code !== "ok") return fail(code);
      return ok(await broadcastState(s, roundId));
    },
  };
}
