import { type CardRevocation, rooms } from "../../shared/protocol/index.ts";
import type { AppServer } from "../app-types.ts";
import type { AppSocket } from "../platform/command-router.ts";

/**
 * A card's sockets share a room, so a void or a new code reaches them on every node
 * (through the Redis adapter); a node keeps no list of its own. The credential is checked
 * again after the join: a new code made between the handshake and the join would miss
 * this socket, and one made after it reaches the room.
 */
export async function joinCardRoom(
  socket: AppSocket,
  stillValid: () => Promise<boolean>,
): Promise<void> {
  const p = socket.data.principal;
  if (p.role !== "voter") return;
  await socket.join(rooms.card(p.roundId, p.cardId));
  if (await stillValid()) return;
  // A voided card keeps its credential, so a credential gone means a new code.
  socket.emit("card:revoked", { reason: "card_reissued" });
  socket.disconnect();
}

/**
 * Tells every socket of these cards why, then disconnects them. A server-side disconnect
 * is final for socket.io clients: the phone shows the reason instead of reconnecting.
 * Both go out on the adapter's one connection, so the reason arrives first.
 */
export function revokeCards(
  io: AppServer,
  roundId: string,
  cardIds: string[],
  reason: CardRevocation,
): void {
  if (cardIds.length === 0) return;
  const targets = cardIds.map((id) => rooms.card(roundId, id));
  io.to(targets).emit("card:revoked", { reason });
  io.in(targets).disconnectSockets();
}

/**
 * After a ballot (or the evaluation, candidateId null) replaced one sent from another
 * socket: the card's other open pages learn that what they show no longer counts.
 */
export function tellOtherDevices(socket: AppSocket, candidateId: string | null): void {
  const p = socket.data.principal;
  if (p.role !== "voter") return;
  socket.to(rooms.card(p.roundId, p.cardId)).emit("ballot:replaced", { candidateId });
}
