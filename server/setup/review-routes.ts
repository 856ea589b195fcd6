import express, { type Router } from "express";
import { compareCodePoints } from "../../shared/canonical-json.ts";
import { fail, ok } from "../../shared/errors.ts";
import type { ReviewOutcome } from "../../shared/protocol/applications.ts";
import { errorFields } from "../platform/logger.ts";
import { isRecordsUnavailable } from "../records/db.ts";
import type { Services } from "../services.ts";

const RoundParam = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The qualification review's outcome (竞聘人员名单): who competes for which post, public once
 * the review is closed, since the list is published inside the unit (公开、平等、竞争、择优).
 * Only name, department and current post: nothing the review read (birth dates, grades).
 */
export function reviewRoutes(s: Services): Router {
  const r = express.Router();

  r.get("/api/rounds/:roundId/review-outcome", async (req, res) => {
    try {
      const roundId = req.params.roundId;
      if (!RoundParam.test(roundId)) return res.status(400).json(fail("invalid_payload"));
      const [round, outcome, posts] = await Promise.all([
        s.records.rounds.get(roundId),
        s.records.review.outcome(roundId),
        s.records.posts.posts(roundId),
      ]);
      if (!round || !posts) return res.status(404).json(fail("round_not_found"));
      // Not published before the closing: the names are not fixed until then.
      if (!outcome) return res.status(404).json(fail("review_not_closed"));
      const passed = [...outcome.passed].sort((a, b) => compareCodePoints(a.staffNo, b.staffNo));
      const body: ReviewOutcome = {
        roundId,
        title: round.title,
        closedAt: outcome.closedAt,
        posts: posts.map((p) => ({
          localId: p.localId,
          title: p.title,
          department: p.department,
          seats: p.seats,
          applicants: passed
            .filter((a) => a.postLocalId === p.localId)
            .map(({ name, department, currentPost }) => ({ name, department, currentPost })),
        })),
      };
      res.set("Cache-Control", "no-cache");
      res.json(ok(body));
    } catch (err) {
      s.logger.error("review outcome failed", errorFields(err));
      const unavailable = isRecordsUnavailable(err);
      res
        .status(unavailable ? 503 : 500)
        .json(fail(unavailable ? "records_unavailable" : "internal"));
    }
  });

  return r;
}
