import { rooms, type SessionState } from "../../shared/protocol/index.ts";
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

/** Sends revealed results and the ranking to the staff and the projector. */
export async function broadcastScreen(s: Services, roundId: string): Promise<void> {
  const screen = await s.results.screen(roundId);
  s.io.to(rooms.staff(roundId)).emit("screen:updated", screen);
}
