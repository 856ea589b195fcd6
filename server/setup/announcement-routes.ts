import express, { type Router } from "express";
import { fail, ok } from "../../shared/errors.ts";
import type { PublicAnnouncement } from "../../shared/protocol/posts.ts";
import { Id } from "../../shared/round-file.ts";
import { errorFields } from "../platform/logger.ts";
import { isRecordsUnavailable } from "../records/db.ts";
import type { Services } from "../services.ts";

/**
 * The published announcement of a round's posts (公告), for anyone: the posts, their
 * conditions and how to apply are public by design (公开、平等、竞争、择优), so the route
 * asks for no credential. Only published versions are served, never the draft as it stands.
 */
export function announcementRoutes(s: Services): Router {
  const r = express.Router();

  r.get("/api/rounds/:roundId/announcement", async (req, res) => {
    const roundId = Id.safeParse(req.params.roundId);
    if (!roundId.success) return void res.status(400).json(fail("invalid_payload"));
    try {
      const versions = await s.records.posts.announcements(roundId.data);
      const latest = versions.at(-1);
      // No round and a round never published look the same: neither has a public page.
      if (!latest) return void res.status(404).json(fail("round_not_found"));
      const data: PublicAnnouncement = {
        latest,
        versions: versions.map(({ body: _, roundId: __, ...version }) => version),
      };
      // A new version must show at once on a phone that opened the page before.
      res.set("Cache-Control", "no-cache");
      res.json(ok(data));
    } catch (err) {
      s.logger.error("announcement route failed", errorFields(err));
      const unavailable = isRecordsUnavailable(err);
      res
        .status(unavailable ? 503 : 500)
        .json(fail(unavailable ? "records_unavailable" : "internal"));
    }
  });

  return r;
}
