import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { broadcastScreen, broadcastState } from "./broadcast.ts";

export function lockHandlers(s: Services): Pick<Handlers, "round:lock"> {
  return {
    "round:lock": async (_ctx, { roundId }) => {
      const res = await s.locks.lock(roundId, new Date(await s.sessions.now()));
      if (res.ok) {
        await broadcastState(s, roundId);
        await broadcastScreen(s, roundId);
      }
      return res;
    },
  };
}
