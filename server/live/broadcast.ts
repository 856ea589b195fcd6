import { rooms } from "../../shared/protocol/index.ts";
import type { Services } from "../services.ts";

/** Sends the round's public state to every connection of the round, on every node. */
export async function broadcastState(s: Services, roundId: string): Promise<void> {
  const state = await s.sessions.read(roundId);
  s.io.to(rooms.round(roundId)).emit("session:state", state);
}

/** Sends revealed results and the ranking to the staff and the projector. */
export async function broadcastScreen(s: Services, roundId: string): Promise<void> {
  const screen = await s.results.screen(roundId);
  s.io.to(rooms.staff(roundId)).emit("screen:updated", screen);
}
