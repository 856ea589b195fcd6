import type { MessageKey } from "../../../shared/i18n/index.ts";
import type { RoundSummary, SessionState } from "../../../shared/protocol/index.ts";

/** A round's stage in its life cycle, as the round list and the round's header name it. */
export function stageKey(r: Pick<RoundSummary, "status" | "archiving">): MessageKey {
  if (r.status === "locked" && r.archiving) return "status.archiving";
  return `status.${r.status}`;
}

/** The same from the live session of a started round (the round view follows it live). */
export function sessionStageKey(s: SessionState): MessageKey {
  return stageKey({
    status: s.status === "open" ? "session" : "locked",
    archiving: s.archiving || s.exporting,
  });
}

/** What each round may do next: the rules the server and its schema hold, shown as buttons. */
export function roundActions(r: RoundSummary) {
  return {
    start: r.status === "draft",
    reimport: r.status === "draft",
    download: r.status === "draft",
    // A formal round is kept once started; a rehearsal may go at any stage.
    remove: r.status === "draft" || r.kind === "rehearsal",
    // Only once the lock has landed in the records (not while archiving).
    archive: r.status === "locked" && !r.archiving && !r.archived,
  };
}
