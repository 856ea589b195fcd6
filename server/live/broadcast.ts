import { rooms, type ScreenData, type SessionState } from "../../shared/protocol/index.ts";
import type { RoundConfig } from "../../shared/round-file.ts";
import { errorFields } from "../platform/logger.ts";
import type { Services } from "../services.ts";

/**
 * Sends the round's public state to every connection of the round, on every node, and
 * returns it (the chair's ack carries the same state).
 */
export async function broadcastState(s: Services, roundId: string): Promise<SessionState> {
  const state = await s.sessions.read(roundId);
  s.io.to(rooms.round(roundId)).emit("session:state", state);
  return state;
}

/**
 * Revealed results and the ranking, stamped with the round's feed version. The version
 * is taken before the results are read: a broadcast takes the next one (`bump`), a join
 * reads the current one. So the update with the highest version was read after the last
 * change, and a client can drop any older one that arrives late.
 */
export async function screenUpdate(
  s: Services,
  roundId: string,
  bump = false,
): Promise<ScreenData> {
  const version = await s.sessions.feedVersion(roundId, bump);
  const [content, question] = await Promise.all([
    s.results.screen(roundId),
    s.sessions.shownQuestion(roundId),
  ]);
  return { ...content, version, question };
}

/** Sends revealed results and the ranking to the staff and the projector. */
export async function broadcastScreen(s: Services, roundId: string): Promise<void> {
  s.io.to(rooms.staff(roundId)).emit("screen:updated", await screenUpdate(s, roundId, true));
}

/**
 * The ranking after a change: settled again if one was shown (`refreshRanking`), or built
 * anew (`rebuild`) when the action removed the stored one.
 */
interface RankingChange {
  config: RoundConfig;
  rebuild?: boolean;
}

/**
 * Tells every screen after an action that has already happened. Its reply must say so:
 * a failure here is logged, never thrown into the reply (the next update heals it).
 */
export async function announce(
  s: Services,
  roundId: string,
  what: { state?: boolean; screen?: boolean; ranking?: RankingChange } = {
    state: true,
    screen: true,
  },
): Promise<void> {
  try {
    // The decisions or the revealed set changed: the ranking is settled again first.
    const r = what.ranking;
    if (r?.rebuild) await s.results.ranking(roundId, r.config);
    else if (r) await s.results.refreshRanking(roundId, r.config);
    if (what.state) await broadcastState(s, roundId);
    if (what.screen) await broadcastScreen(s, roundId);
  } catch (err) {
    s.logger.warn("broadcast after an action failed", { roundId, ...errorFields(err) });
  }
}
