/** Who a connection is. Every event and route names the roles that may use it. */
export const ROLES = ["organizer", "chair", "projector", "voter", "observer"] as const;
export type Role = (typeof ROLES)[number];

/** What a credential resolves to on the server; stored in socket.data. */
export type Principal =
  | { role: "organizer" }
  | { role: "projector" }
  | { role: "chair"; roundId: string }
  | { role: "observer"; roundId: string }
  | { role: "voter"; roundId: string; cardId: string; group: string };

/** Roles that see progress and revealed results of a round (never single ballots). */
export const STAFF_ROLES: readonly Role[] = ["organizer", "chair", "observer", "projector"];
