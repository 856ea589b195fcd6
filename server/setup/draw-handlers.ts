import { drawKey, sourceDigits } from "../../shared/draw/rfc3797.ts";
import { fail, ok } from "../../shared/errors.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

type DrawHandlers = Pick<Handlers, "draw:list" | "draw:publish" | "draw:enter" | "order:set">;

/**
 * The public draws (docs/draw.md): the organizer publishes a pool with its witnesses, enters
 * the numbers they give, and the record is computed by shared/draw; or sets the speaking
 * order by hand, with a reason. Each is audited in the records' own transaction.
 */
export function drawHandlers(s: Services): DrawHandlers {
  return {
    "draw:list": async (_ctx, { roundId }) => {
      const list = await s.records.draws.list(roundId);
      return list ? ok(list) : fail("round_not_found");
    },

    "draw:publish": async (ctx, { roundId, purpose, postId, witnesses }) => {
      // A post's questions name their post; the speaking order belongs to no post.
      if ((purpose === "questions") !== (postId !== undefined)) return fail("invalid_payload");
      const audit = s.audit.record(ctx.principal, roundId, "draw:publish", {
        subject: postId ?? purpose,
        note: witnesses.join("、"),
      });
      const res = await s.records.draws.publish(
        roundId,
        { purpose, postId: postId ?? null, witnesses },
        audit,
      );
      if (!res.ok) return fail(res.error);
      if (res.data.created) {
        s.logger.info("draw published", { roundId, drawId: res.data.draw.id, purpose });
      }
      return ok(res.data.draw);
    },

    "draw:enter": async (ctx, { roundId, drawId, sources }) => {
      const draw = await s.records.draws.get(roundId, drawId);
      if (!draw) {
        return fail((await s.records.rounds.get(roundId)) ? "draw_not_found" : "round_not_found");
      }
      // What was published fixes both: one source per named witness, and enough digits.
      if (sources.length !== draw.witnesses.length) return fail("draw_sources_mismatch");
      if (sourceDigits(sources) < draw.digitsNeeded) return fail("draw_few_digits");
      const audit = s.audit.record(ctx.principal, roundId, "draw:enter", {
        subject: String(drawId),
        note: drawKey(sources),
      });
      const res = await s.records.draws.enter(roundId, drawId, sources, audit);
      if (!res.ok) return fail(res.error);
      if (res.data.created) s.logger.info("drawn", { roundId, drawId, purpose: draw.purpose });
      return ok(res.data.draw);
    },

    "order:set": async (ctx, { roundId, order, reason }) => {
      const audit = s.audit.record(ctx.principal, roundId, "order:set", { note: reason });
      const res = await s.records.draws.setOrder(roundId, order, reason, audit);
      return res.ok ? ok(res.data) : fail(res.error);
    },
  };
}
