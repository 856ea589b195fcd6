import express, { type Request, type Response, type Router } from "express";
import { canonicalJson } from "../../shared/canonical-json.ts";
import { contentDisposition, roundFileName } from "../../shared/download-name.ts";
import { type ErrorCode, fail, ok } from "../../shared/errors.ts";
import type { PublicDraw } from "../../shared/protocol/index.ts";
import { errorFields } from "../platform/logger.ts";
import { isRecordsUnavailable } from "../records/db.ts";
import type { Services } from "../services.ts";

const ROUND = /^[A-Za-z0-9_-]{1,40}$/;
/** A draw's number, and whether the file itself is asked for (`3.json`). */
const DRAW = /^([1-9][0-9]{0,6})(\.json)?$/;

const STATUS: Partial<Record<ErrorCode, number>> = {
  invalid_payload: 400,
  round_not_found: 404,
  draw_not_found: 404,
  bad_state: 409,
  records_unavailable: 503,
};

function refuse(res: Response, error: ErrorCode): void {
  res.status(STATUS[error] ?? 500).json(fail(error));
}

/**
 * A public draw over HTTP, for anyone and without a credential (docs/draw.md): what was
 * published is public from its publication on, and its record once drawn, so that anyone
 * can check it. `GET /api/rounds/:roundId/draws/:n` is the draw with the names its items
 * stand for (the projector's draw page reads it); `…/:n.json` is the jingpin-draw/1 file.
 * A questions draw names its questions by number only: their words stay sealed.
 */
export function drawRoutes(s: Services): Router {
  const r = express.Router();

  r.get("/api/rounds/:roundId/draws/:draw", async (req, res) => {
    try {
      await sendDraw(req, res);
    } catch (err) {
      s.logger.error("draw route failed", errorFields(err));
      refuse(res, isRecordsUnavailable(err) ? "records_unavailable" : "internal");
    }
  });

  async function sendDraw(req: Request, res: Response): Promise<void> {
    const roundId = String(req.params.roundId);
    const match = DRAW.exec(String(req.params.draw));
    if (!ROUND.test(roundId) || !match) return refuse(res, "invalid_payload");
    const [round, draw] = await Promise.all([
      s.records.rounds.draftConfig(roundId),
      s.records.draws.get(roundId, Number(match[1])),
    ]);
    if (!round) return refuse(res, "round_not_found");
    if (!draw) return refuse(res, "draw_not_found");
    res.set("Cache-Control", "no-store");
    if (match[2]) {
      if (!draw.record) return refuse(res, "bad_state");
      const stem = roundFileName({ id: roundId, title: round.title }).replace(/\.json$/, "");
      res.set(
        "Content-Disposition",
        contentDisposition(
          `${stem}-抽签${draw.id}.json`,
          `jingpin-${roundId}-draw-${draw.id}.json`,
        ),
      );
      res.type("application/json").send(`${JSON.stringify(draw.record, null, 2)}\n`);
      return;
    }
    const post = round.positions.find((p) => p.id === draw.postId);
    const body: PublicDraw = {
      ...draw,
      roundTitle: round.title,
      postTitle: post?.title ?? null,
      labels:
        draw.purpose === "speaking-order"
          ? Object.fromEntries(round.candidates.map((c) => [c.id, c.name]))
          : {},
    };
    res.type("application/json").send(canonicalJson(ok(body)));
  }

  return r;
}
