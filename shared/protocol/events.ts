import type { Principal } from "../roles.ts";
import type { Progress, ScreenData, SessionState } from "./state.ts";

export type { ClientToServerEvents } from "./commands.ts";

/**
 * Server → client events. Phones get only `session:state`; tallies and revealed results go
 * to the staff and projector rooms only.
 */
export interface ServerToClientEvents {
  "session:state": (state: SessionState) => void;
  /** Coalesced: a few per second at most, never one per ballot. */
  "tally:updated": (progress: Progress) => void;
  "screen:updated": (screen: ScreenData) => void;
  /** The projector follows the organizer's active round. */
  "screen:switch": (payload: { roundId: string | null }) => void;
}

/** Nodes share everything through Redis; they send each other nothing directly. */
export type InterServerEvents = Record<string, never>;

export interface SocketData {
  principal: Principal;
}

/** Socket.io rooms, named in one place. */
export const rooms = {
  /** Every connection joined to the round (phones included): public state. */
  round: (roundId: string) => `round:${roundId}`,
  /** Staff and projector of the round: progress and revealed results. */
  staff: (roundId: string) => `staff:${roundId}`,
  /** Every projector, whatever round it shows. */
  projectors: "projectors",
} as const;
