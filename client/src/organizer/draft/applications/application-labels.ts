import type { MessageKey } from "../../../../../shared/i18n/index.ts";
import type { ApplicationView } from "../../../../../shared/protocol/applications.ts";
import type { ReviewMessage } from "../../../../../shared/setup/eligibility.ts";
import { renderReviewMessage } from "../../../../../shared/setup/eligibility.ts";
import { t } from "../../../lib/i18n.svelte.ts";

type Labelled = Pick<ApplicationView, "source" | "staffCount" | "status" | "preference">;

/** 个人自荐 / 群众推荐 N 人 / 组织推荐, in review.ts's words. */
export function sourceText(a: Labelled): string {
  if (a.source === "staff") return t("review.source.staff", { count: a.staffCount ?? 0 });
  return t(a.source === "self" ? "review.source.self" : "review.source.party-group");
}

/**
 * The status in review.ts's words. The records keep one "withdrawn" for both a declined
 * nomination (never accepted: no preference) and a withdrawn application.
 */
export function statusText(a: Labelled): string {
  const key: MessageKey =
    a.status === "applied"
      ? "review.status.accepted"
      : a.status === "withdrawn" && a.preference === null
        ? "review.status.declined"
        : `review.status.${a.status}`;
  return t(key);
}

export function preferenceText(a: Labelled): string {
  return a.preference === null ? "—" : t("review.preference", { n: a.preference });
}

/** A check's hint as a sentence in the page's language, with the data used. */
export function hintText(message: ReviewMessage): string {
  return renderReviewMessage(message, (key, params) => t(key, params));
}

/** Whether the application is (still) in play: accepted, or already decided. */
export const isApplicant = (a: Pick<ApplicationView, "status">) =>
  a.status === "applied" || a.status === "passed" || a.status === "rejected";
