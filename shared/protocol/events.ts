import type { Principal } from "../roles.ts";
import type { Progress, ScreenData, SessionState } from "./state.ts";

/** Why a card's phones are sent away: the card was voided or reissued, or its round deleted. */
export type CardRevocation = "card_void" | "card_reissued" | "round_deleted";

export type { ClientToServerEvents } from "./commands.ts";

/**
 * Server → client events. Phones get `session:state` and news of their own card only
 * (`card:revoked`, `ballot:replaced`); tallies and revealed results go
 * to the staff and projector rooms only.
 */
export interface ServerToClientEvents {
  "session:state": (state: SessionState) => void;
  /** Coalesced: a few per second at most, never one per ballot. */
  "tally:updated": (progress: Progress) => void;
  "screen:updated": (screen: ScreenData) => void;
  /** The projector follows the organizer's active round. */
  "screen:switch": (payload: { roundId: string | null }) => void;
  /**
   * To every socket of a card, just before the server disconnects them: the card was
   * voided, or reissued or printed again (its old code no longer works).
   */
  "card:revoked": (payload: { reason: CardRevocation }) => void;
  /**
   * To the card's other sockets when one of them stored a ballot (candidateId) or the
   * evaluation (candidateId null): another device holds this card, and its ballot stands.
   */
  "ballot:replaced": (payload: { candidateId: string | null }) => void;
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
  /** Every socket of one ballot card, on any node: to tell it of a void or a new code. */
  card: (roundId: string, cardId: string) => `card:${roundId}:${cardId}`,
} as const;
