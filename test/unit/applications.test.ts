import { describe, expect, it } from "vitest";
import { review } from "../../shared/i18n/review.ts";
import {
  APPLICATION_ERRORS,
  APPLICATION_STATUSES,
  type ApplicationAction,
  type ApplicationStatus,
  avoidance,
  checkNewApplication,
  compactPreferences,
  type ExistingApplication,
  isBarred,
  MAX_APPLICATIONS,
  NominationSource,
  nominationStatus,
  REASON_MAX,
  REVIEW_PHASES,
  ReviewDecisionInput,
  reviewDecision,
  transition,
} from "../../shared/setup/applications.ts";
import type { ConditionCheck } from "../../shared/setup/eligibility.ts";
import type { Relationship } from "../../shared/setup/person.ts";

const app = (
  postId: string,
  preference: number,
  status: ApplicationStatus = "accepted",
): ExistingApplication => ({ postId, preference, status });

describe("the two-applications rule", () => {
  it("allows two posts, in preference order", () => {
    expect(MAX_APPLICATIONS).toBe(2);
    expect(checkNewApplication([], "p1")).toEqual({ ok: true, data: { preference: 1 } });
    expect(checkNewApplication([app("p1", 1)], "p2")).toEqual({
      ok: true,
      data: { preference: 2 },
    });
  });

  it("refuses a third", () => {
    expect(checkNewApplication([app("p1", 1), app("p2", 2)], "p3")).toEqual({
      ok: false,
      error: "too_many_applications",
    });
    // Passed and rejected applications still hold their place.
    expect(checkNewApplication([app("p1", 1, "passed"), app("p2", 2, "rejected")], "p3")).toEqual({
      ok: false,
      error: "too_many_applications",
    });
  });

  it("refuses the same post twice, before counting", () => {
    expect(checkNewApplication([app("p1", 1)], "p1")).toEqual({
      ok: false,
      error: "duplicate_application",
    });
    expect(checkNewApplication([app("p1", 1), app("p2", 2)], "p2")).toEqual({
      ok: false,
      error: "duplicate_application",
    });
  });

  it("does not count open nominations, declined or withdrawn ones", () => {
    const existing = [
      app("p1", 1, "withdrawn"),
      app("p2", 0, "nominated"),
      app("p3", 0, "declined"),
      app("p4", 1),
    ];
    expect(checkNewApplication(existing, "p2")).toEqual({ ok: true, data: { preference: 2 } });
    expect(checkNewApplication(existing, "p1")).toEqual({ ok: true, data: { preference: 2 } });
  });

  it("moves the second choice up when the first is withdrawn", () => {
    expect(
      compactPreferences([app("p1", 1, "withdrawn"), app("p2", 2), app("p3", 0, "nominated")]),
    ).toEqual([{ postId: "p2", preference: 1 }]);
    expect(compactPreferences([app("p2", 2), app("p1", 1, "passed")])).toEqual([
      { postId: "p1", preference: 1 },
      { postId: "p2", preference: 2 },
    ]);
  });
});

describe("nominations", () => {
  it("parse the three sources, staff with a count", () => {
    expect(NominationSource.safeParse({ kind: "staff", count: 12 }).success).toBe(true);
    expect(NominationSource.safeParse({ kind: "staff" }).success).toBe(false);
    expect(NominationSource.safeParse({ kind: "staff", count: 0 }).success).toBe(false);
    expect(NominationSource.safeParse({ kind: "party-group" }).success).toBe(true);
    expect(NominationSource.safeParse({ kind: "boss" }).success).toBe(false);
  });

  it("start as nominated, a self-nomination as accepted (its own acceptance)", () => {
    expect(nominationStatus({ kind: "self" }, "registration")).toEqual({
      ok: true,
      data: "accepted",
    });
    expect(nominationStatus({ kind: "staff", count: 3 }, "registration")).toEqual({
      ok: true,
      data: "nominated",
    });
    expect(nominationStatus({ kind: "party-group" }, "registration")).toEqual({
      ok: true,
      data: "nominated",
    });
  });

  it("are taken only while registration is open", () => {
    for (const phase of ["review", "closed"] as const) {
      expect(nominationStatus({ kind: "self" }, phase)).toEqual({
        ok: false,
        error: "registration_closed",
      });
    }
  });
});

describe("status transitions", () => {
  it("lets a nominee accept or decline during registration", () => {
    expect(transition("nominated", "accept", "registration")).toEqual({
      ok: true,
      data: "accepted",
    });
    expect(transition("nominated", "decline", "registration")).toEqual({
      ok: true,
      data: "declined",
    });
    expect(transition("nominated", "accept", "review")).toEqual({
      ok: false,
      error: "registration_closed",
    });
    expect(transition("declined", "accept", "registration")).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });

  it("lets an applicant withdraw until the review closes", () => {
    for (const phase of ["registration", "review"] as const) {
      expect(transition("accepted", "withdraw", phase)).toEqual({ ok: true, data: "withdrawn" });
      expect(transition("passed", "withdraw", phase)).toEqual({ ok: true, data: "withdrawn" });
    }
    expect(transition("accepted", "withdraw", "closed")).toEqual({
      ok: false,
      error: "review_closed",
    });
    expect(transition("passed", "withdraw", "closed")).toEqual({
      ok: false,
      error: "review_closed",
    });
    expect(transition("nominated", "withdraw", "review")).toEqual({
      ok: false,
      error: "invalid_transition",
    });
    expect(transition("withdrawn", "withdraw", "review")).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });

  it("lets the review pass or reject an applicant, and change its mind until it closes", () => {
    expect(transition("accepted", "pass", "review")).toEqual({ ok: true, data: "passed" });
    expect(transition("accepted", "reject", "review")).toEqual({ ok: true, data: "rejected" });
    expect(transition("rejected", "pass", "review")).toEqual({ ok: true, data: "passed" });
    expect(transition("passed", "reject", "review")).toEqual({ ok: true, data: "rejected" });
    expect(transition("nominated", "pass", "review")).toEqual({
      ok: false,
      error: "invalid_transition",
    });
    expect(transition("withdrawn", "pass", "review")).toEqual({
      ok: false,
      error: "invalid_transition",
    });
  });

  it("changes nothing once the review is closed", () => {
    const actions: ApplicationAction[] = ["accept", "decline", "withdraw", "pass", "reject"];
    for (const status of APPLICATION_STATUSES) {
      for (const action of actions) {
        expect(transition(status, action, "closed"), `${status} ${action}`).toEqual({
          ok: false,
          error: "review_closed",
        });
      }
    }
  });

  it("never leaves a withdrawn, declined or final status by itself", () => {
    const actions: ApplicationAction[] = ["accept", "decline", "withdraw", "pass", "reject"];
    for (const phase of REVIEW_PHASES) {
      for (const status of ["withdrawn", "declined"] as const) {
        for (const action of actions) expect(transition(status, action, phase).ok).toBe(false);
      }
    }
  });
});

const passing: ConditionCheck = {
  condition: "age",
  pass: true,
  message: { key: "review.check.age", params: { age: 40, max: 45 } },
};
const failing: ConditionCheck = {
  condition: "workYears",
  pass: false,
  message: { key: "review.check.workYears", params: { years: 4, min: 5 } },
};

describe("the review decision", () => {
  it("passes an application whose checks pass, with or without a reason", () => {
    expect(reviewDecision({ decision: "pass", reason: "" }, [passing])).toEqual({
      ok: true,
      data: { decision: "pass", reason: "", override: false },
    });
    expect(reviewDecision({ decision: "pass", reason: "" }, [])).toMatchObject({ ok: true });
  });

  it("refuses to pass over a failing check without a written reason", () => {
    for (const reason of ["", "   ", "\n"]) {
      expect(reviewDecision({ decision: "pass", reason }, [passing, failing])).toEqual({
        ok: false,
        error: "reason_required_for_override",
      });
    }
  });

  it("passes over a failing check with a reason, marked as an override", () => {
    expect(
      reviewDecision({ decision: "pass", reason: " 经核实工作年限为 5 年 " }, [failing]),
    ).toEqual({
      ok: true,
      data: { decision: "pass", reason: "经核实工作年限为 5 年", override: true },
    });
  });

  it("always needs a reason to reject", () => {
    expect(reviewDecision({ decision: "reject", reason: " " }, [failing])).toEqual({
      ok: false,
      error: "reason_required_for_rejection",
    });
    expect(reviewDecision({ decision: "reject", reason: "" }, [passing])).toEqual({
      ok: false,
      error: "reason_required_for_rejection",
    });
    expect(reviewDecision({ decision: "reject", reason: "工作年限不足" }, [failing])).toEqual({
      ok: true,
      data: { decision: "reject", reason: "工作年限不足", override: false },
    });
  });

  it("bounds the reason", () => {
    expect(reviewDecision({ decision: "reject", reason: "理".repeat(REASON_MAX) }, []).ok).toBe(
      true,
    );
    expect(reviewDecision({ decision: "reject", reason: "理".repeat(REASON_MAX + 1) }, [])).toEqual(
      {
        ok: false,
        error: "reason_too_long",
      },
    );
    expect(review["review.error.reason_too_long"].zh).toContain(String(REASON_MAX));
    expect(review["review.error.reason_too_long"].en).toContain(String(REASON_MAX));
    expect(ReviewDecisionInput.safeParse({ decision: "maybe", reason: "x" }).success).toBe(false);
  });
});

describe("avoidance", () => {
  const rel: Relationship[] = [
    { from: "A001", to: "B002", relation: "spouse" },
    { from: "C003", to: "A001", relation: "in-law" },
  ];

  it("bars a declared relative, whichever side the relation was entered from", () => {
    expect(isBarred("A001", "B002", rel)).toBe(true);
    expect(isBarred("B002", "A001", rel)).toBe(true);
    expect(isBarred("A001", "C003", rel)).toBe(true);
    expect(isBarred("C003", "A001", rel)).toBe(true);
    expect(avoidance("B002", "A001", rel)).toBe("spouse");
  });

  it("does not bar unrelated staff, nor by relation chains", () => {
    expect(isBarred("B002", "C003", rel)).toBe(false);
    expect(isBarred("A001", "D004", rel)).toBe(false);
    expect(isBarred("A001", "B002", [])).toBe(false);
    expect(avoidance("B002", "C003", rel)).toBeNull();
  });

  it("bars reviewing oneself", () => {
    expect(avoidance("A001", "A001", [])).toBe("self");
    expect(isBarred("A001", "A001", [])).toBe(true);
  });
});

describe("the texts of the application rules", () => {
  it("name every refusal, status, source and phase", () => {
    const keys = Object.keys(review);
    for (const code of APPLICATION_ERRORS) expect(keys).toContain(`review.error.${code}`);
    for (const status of APPLICATION_STATUSES) expect(keys).toContain(`review.status.${status}`);
    for (const phase of REVIEW_PHASES) expect(keys).toContain(`review.phase.${phase}`);
    for (const kind of ["self", "staff", "party-group"])
      expect(keys).toContain(`review.source.${kind}`);
  });

  it("say two in the refusal of a third post while the limit is two", () => {
    expect(MAX_APPLICATIONS).toBe(2);
    expect(review["review.error.too_many_applications"].zh).toContain("两个岗位");
    expect(review["review.error.too_many_applications"].en).toContain("two posts");
  });
});
