import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { SessionState } from "../../../shared/protocol/index.ts";

/**
 * What a page says of a locked round: the export still being built (which also means not yet
 * archived), or locked but not yet landed in the records ("已锁定，正在归档"), or the page's
 * own words for a lock that is done.
 */
export function lockedKey(
  session: Pick<SessionState, "exporting" | "archiving">,
  done: MessageKey,
): MessageKey {
  if (session.exporting) return "status.exporting";
  if (session.archiving) return "status.archiving";
  return done;
}
