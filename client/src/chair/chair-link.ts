import { hashParam, ORGANIZER_TOKEN_KEY, takeLinkToken } from "../lib/link-token.ts";
import { readStored } from "../lib/storage.ts";

export interface ChairAccess {
  token: string;
  /** Set when the organizer opens the console with its own token; links are bound to a round. */
  roundId: string | null;
}

/**
 * Who opens this page: a chair or observer link (`#k=…`, remembered per page so a reload
 * keeps working), or the organizer with `#round=…` and its stored sign-in. /observer keeps
 * its token apart from /chair, so one laptop can hold both without mixing them up.
 */
export function chairAccess(): ChairAccess | null {
  const key = window.location.pathname.startsWith("/observer")
    ? "jingpin.observer"
    : "jingpin.chair";
  const roundId = hashParam("round");
  if (!hashParam("k") && roundId) {
    const organizer = readStored(ORGANIZER_TOKEN_KEY);
    if (organizer) return { token: organizer, roundId };
  }
  const token = takeLinkToken(key);
  return token ? { token, roundId: null } : null;
}
