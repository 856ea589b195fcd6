import { fail, ok } from "../../shared/errors.ts";
import { DraftRoundFile } from "../../shared/round-file.ts";
import { roundFileIssues } from "../../shared/round-file-issues.ts";
import { defaultDraft } from "../../shared/setup/default-rules.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { roundIdFor } from "./round-id.ts";

/** The parts of a draft's rules that `draft:rules` replaces. */
const RULE_PARTS = ["title", "rubric", "groups", "evaluationOptions", "method", "timers"] as const;

/** A draft built in the console: made empty, its rules edited part by part (issue 8). */
export function draftHandlers(s: Services): Pick<Handlers, "round:create" | "draft:rules"> {
  return {
    "round:create": async (ctx, { title, rehearsal, requestId }) => {
      const roundId = roundIdFor(requestId);
      const audit = s.audit.record(ctx.principal, roundId, "round:create", {
        note: rehearsal ? "rehearsal" : null,
      });
      const kind = rehearsal ? "rehearsal" : "formal";
      const made = await s.rounds.createDraft(roundId, kind, defaultDraft(title), audit);
      if (made === "ok") s.logger.info("round created", { roundId });
      return ok({ roundId });
    },

    "draft:rules": async (ctx, { roundId, ...parts }) => {
      const changed = RULE_PARTS.filter((p) => parts[p] !== undefined);
      const audit = s.audit.record(ctx.principal, roundId, "draft:rules", {
        note: changed.join(","),
      });
      // Merged into the config as it stands under the round's lock: the posts and the
      // candidates another editor saves meanwhile stay as that editor saved them.
      const res = await s.rounds.reviseRules(
        roundId,
        (current) => {
          const next: Record<string, unknown> = { ...current };
          for (const part of changed) next[part] = parts[part];
          const parsed = DraftRoundFile.safeParse(next);
          if (parsed.success) return { config: parsed.data };
          return { problem: roundFileIssues(next, parsed.error.issues.slice(0, 20)) };
        },
        audit,
      );
      if (typeof res === "string") return fail(res);
      if (res.code === "refused") return fail("invalid_round_file", res.problem);
      return ok({ file: res.config });
    },
  };
}
