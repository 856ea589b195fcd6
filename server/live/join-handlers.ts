import { fail, ok } from "../../shared/errors.ts";
import { type JoinSnapshot, rooms } from "../../shared/protocol/index.ts";
import { STAFF_ROLES } from "../../shared/roles.ts";
import type { AppSocket, CommandContext, Handlers } from "../platform/command-router.ts";
import { errorFields } from "../platform/logger.ts";
import type { Services } from "../services.ts";
import { screenUpdate } from "./broadcast.ts";

/** A socket watches one round at a time: joining another leaves the previous one. */
function moveToRound(socket: AppSocket, roundId: string, staff: boolean): void {
  for (const room of socket.rooms) {
    if (room.startsWith("round:") || room.startsWith("staff:")) void socket.leave(room);
  }
  void socket.join(rooms.round(roundId));
  if (staff) void socket.join(rooms.staff(roundId));
}

async function targetRound(
  s: Services,
  ctx: CommandContext,
  requested?: string,
): Promise<string | null> {
  const p = ctx.principal;
  if (p.role === "voter" || p.role === "chair" || p.role === "observer") return p.roundId;
  if (p.role === "projector") return requested ?? (await s.rounds.activeId());
  return requested ?? null;
}

/** Joining a round: the snapshot a page starts from, cut to what its role may see. */
export function joinHandlers(s: Services): Pick<Handlers, "session:join" | "time:sync"> {
  return {
    "time:sync": async () => ok({ serverNow: await s.sessions.now() }),

    "session:join": async (ctx, { roundId: requested }) => {
      const p = ctx.principal;
      if (p.role === "projector") void ctx.socket.join(rooms.projectors);
      const roundId = await targetRound(s, ctx, requested);
      if (!roundId) return fail(p.role === "organizer" ? "invalid_payload" : "round_not_found");
      const round = await s.rounds.config(roundId);
      if (!round) return fail("round_not_found");
      if (p.role === "voter") {
        const status = await s.redis.hget(s.keys.cardStatus(roundId), p.cardId);
        if (status !== "active") return fail("card_void");
      }
      const staff = STAFF_ROLES.includes(p.role);
      moveToRound(ctx.socket, roundId, staff);
      let state = await s.sessions.read(roundId);
      if (state.exporting) {
        // A node died between the lock and its export: whoever looks first finishes it.
        // If it fails again the page shows "exporting" and the sweep keeps trying.
        await s.locks
          .readExport(roundId)
          .catch((err: unknown) =>
            s.logger.error("export not built on join", { roundId, ...errorFields(err) }),
          );
        state = await s.sessions.read(roundId);
      }
      const candidateIds = round.candidates.map((c) => c.id);
      const snapshot: JoinSnapshot = {
        role: p.role,
        round,
        state,
        progress: staff ? await s.ballots.progress(roundId, candidateIds) : null,
        screen: staff ? await screenUpdate(s, roundId) : null,
        mine:
          p.role === "voter" && state.status === "open"
            ? await s.ballots.mine(roundId, p.cardId, candidateIds)
            : null,
        myEvaluation:
          p.role === "voter" && state.status === "open"
            ? await s.ballots.myEvaluation(roundId, p.cardId, candidateIds)
            : null,
        group: p.role === "voter" ? p.group : null,
        decisions: staff ? await s.decisions.list(roundId) : null,
        publicUrl: s.publicUrl(),
      };
      return ok(snapshot);
    },
  };
}
