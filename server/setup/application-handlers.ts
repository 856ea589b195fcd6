import { type ErrorCode, fail, ok } from "../../shared/errors.ts";
import { isBarred, reviewDecision } from "../../shared/setup/applications.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Nomination } from "../records/application-records.ts";
import type { Services } from "../services.ts";
import { applicationList, checkBasis, checksFor, findApplication } from "./application-view.ts";

type ApplicationHandlers = Pick<
  Handlers,
  | "application:nominate"
  | "application:accept"
  | "application:withdraw"
  | "application:list"
  | "application:decide"
  | "review:close"
>;

/** The records' codes as the client is told them (shared/errors.ts). */
const CODES: Record<string, ErrorCode> = {
  bad_transition: "invalid_transition",
  // The payload's schema holds the staff count's rule; the schema's check is a backstop.
  invalid_nomination: "invalid_payload",
  // application:decide always stores its checks: a refusal for their lack is a bug.
  checks_required: "internal",
};
const code = (error: string): ErrorCode => CODES[error] ?? (error as ErrorCode);

/** 个人自荐、群众推荐、组织推荐 and the qualification review (资格审查), issue 8 items 3–4. */
export function applicationHandlers(s: Services): ApplicationHandlers {
  const apps = s.records.applications;

  return {
    "application:nominate": async (ctx, { roundId, staffNo, postId, source, staffCount }) => {
      const posts = await s.records.posts.posts(roundId);
      if (!posts) return fail("round_not_found");
      if (!posts.some((p) => p.localId === postId)) return fail("post_not_found");
      const nomination: Nomination =
        source === "staff"
          ? { staffNo, postLocalId: postId, source, staffCount: staffCount ?? 1 }
          : { staffNo, postLocalId: postId, source };
      const audit = s.audit.record(ctx.principal, roundId, "application:nominate", {
        subject: staffNo,
        note: [postId, source, staffCount].filter((x) => x !== undefined).join(" "),
      });
      // A self-nomination is its own acceptance: both in one step, or neither.
      if (source === "self") {
        const res = await apps.apply(roundId, nomination, audit);
        if (!res.ok) return fail(code(res.error));
        const { id, preference } = res.data;
        return ok({ applicationId: id, status: "applied" as const, preference });
      }
      const res = await apps.nominate(roundId, nomination, audit);
      if (!res.ok) return fail(code(res.error));
      return ok({ applicationId: res.data.id, status: "nominated" as const, preference: null });
    },

    "application:accept": async (ctx, { roundId, applicationId }) => {
      const audit = s.audit.record(ctx.principal, roundId, "application:accept", {
        subject: applicationId,
      });
      const res = await apps.accept(roundId, applicationId, audit);
      return res.ok ? ok(res.data) : fail(code(res.error));
    },

    "application:withdraw": async (ctx, { roundId, applicationId }) => {
      const audit = s.audit.record(ctx.principal, roundId, "application:withdraw", {
        subject: applicationId,
      });
      const res = await apps.withdraw(roundId, applicationId, audit);
      return res.ok ? ok({ applicationId }) : fail(code(res.error));
    },

    "application:list": async (_ctx, { roundId }) => {
      const list = await applicationList(s, roundId);
      return list ? ok(list) : fail("round_not_found");
    },

    "application:decide": async (ctx, { roundId, applicationId, outcome, reason, reviewer }) => {
      const [application, basis, relationships] = await Promise.all([
        findApplication(s, roundId, applicationId),
        checkBasis(s, roundId),
        s.records.register.relationships(),
      ]);
      if (!basis) return fail("round_not_found");
      if (!application) return fail("application_not_found");
      if (await apps.reviewClosed(roundId)) return fail("review_closed");
      if (!basis.people.has(reviewer)) return fail("unknown_reviewer");
      // 回避: the records refuse it too (JP009); asked first, so it is said before the reason.
      if (isBarred(reviewer, application.staffNo, relationships)) {
        return fail("reviewer_avoidance");
      }
      // The checks are the server's own, as of now: what the reviewer saw is recomputed.
      const checks = checksFor(basis, application.postLocalId, application.staffNo);
      const decided = reviewDecision({ decision: outcome, reason: reason ?? "" }, checks);
      if (!decided.ok) {
        if (decided.error === "reason_required_for_override")
          return fail("override_reason_required");
        if (decided.error === "reason_required_for_rejection") return fail("reason_required");
        return fail("reason_too_long");
      }
      const { reason: text, override } = decided.data;
      const audit = s.audit.record(ctx.principal, roundId, "application:decide", {
        subject: applicationId,
        note: `${outcome}${override ? " override" : ""} by ${reviewer}${text ? `: ${text}` : ""}`,
      });
      const decision =
        outcome === "reject"
          ? { outcome, reason: text, reviewer, checks }
          : { outcome, reason: text || null, reviewer, checks };
      const res = await apps.decide(roundId, applicationId, decision, audit);
      if (!res.ok) return fail(code(res.error));
      const status = outcome === "pass" ? ("passed" as const) : ("rejected" as const);
      return ok({ applicationId, status });
    },

    "review:close": async (ctx, { roundId }) => {
      const audit = s.audit.record(ctx.principal, roundId, "review:close");
      const res = await s.records.review.close(roundId, audit);
      if (!res.ok) return fail(code(res.error));
      if (res.data.outcome === "closed") {
        s.logger.info("review closed", { roundId, candidates: res.data.candidates.length });
      }
      return ok(res.data);
    },
  };
}
