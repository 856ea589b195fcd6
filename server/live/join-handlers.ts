import { fail, ok, type Result } from "../../shared/errors.ts";
import { type JoinSnapshot, rooms } from "../../shared/protocol/index.ts";
import { STAFF_ROLES } from "../../shared/roles.ts";
import type { AppSocket, CommandContext, Handlers } from "../platform/command-router.ts";
import { errorFields } from "../platform/logger.ts";
import type { Services } from "../services.ts";
import { screenUpdate } from "./broadcast.ts";

const isRoundRoom = (room: string) => room.startsWith("round:") || room.startsWith("staff:");

function leaveRounds(socket: AppSocket): void {
  for (const room of socket.rooms) if (isRoundRoom(room)) void socket.leave(room);
}

/** A socket watches one round at a time: joining another leaves the previous one. */
function moveToRound(socket: AppSocket, roundId: string, staff: boolean): void {
  leaveRounds(socket);
  void socket.join(rooms.round(roundId));
  if (staff) void socket.join(rooms.staff(roundId));
}

/**
 * The projector token belongs to no round: it may watch only the organizer's active one
 * (naming another is `forbidden`), so it never receives another round's progress.
 */
async function targetRound(
  s: Services,
  ctx: CommandContext,
  requested?: string,
): Promise<Result<string | null>> {
  const p = ctx.principal;
  if (p.role === "voter" || p.role === "chair" || p.role === "observer") return ok(p.roundId);
  if (p.role !== "projector") return ok(requested ?? null);
  const active = await s.rounds.activeId();
  if (requested !== undefined && requested !== active) return fail("forbidden");
  return ok(active);
}

/**
 * The active round changed: every projector, on every node, leaves the rooms of any other
 * round at once (a projector that never re-joins gets nothing more from them), then is told
 * to re-join, which puts it in the new round's rooms.
 */
export async function switchProjectors(s: Services, roundId: string): Promise<void> {
  const keep = new Set([rooms.round(roundId), rooms.staff(roundId)]);
  try {
    for (const socket of await s.io.in(rooms.projectors).fetchSockets()) {
      for (const room of socket.rooms) if (isRoundRoom(room) && !keep.has(room)) socket.leave(room);
    }
  } catch (error) {
    // A node that does not answer in time: the activation stands and is not reported as
    // failed; that node's projectors still leave on the re-join the switch asks for.
    s.logger.warn("projectors not moved", { roundId, error: String(error) });
  }
  s.io.to(rooms.projectors).emit("screen:switch", { roundId });
}

/** Joining a round: the snapshot a page starts from, cut to what its role may see. */
export function joinHandlers(s: Services): Pick<Handlers, "session:join" | "time:sync"> {
  return {
    "time:sync": async () => ok({ serverNow: await s.sessions.now() }),

    "session:join": async (ctx, { roundId: requested }) => {
      const p = ctx.principal;
      if (p.role === "projector") void ctx.socket.join(rooms.projectors);
      const target = await targetRound(s, ctx, requested);
      if (!target.ok) return target;
      const roundId = target.data;
      if (!roundId) return fail(p.role === "organizer" ? "invalid_payload" : "round_not_found");
      const round = await s.rounds.config(roundId);
      if (!round) return fail(await s.rounds.missing(roundId));
      if (p.role === "voter") {
        const status = await s.cards.status(roundId, p.cardId);
        if (status !== "active") return fail("card_void");
      }
      const staff = STAFF_ROLES.includes(p.role);
      moveToRound(ctx.socket, roundId, staff);
      // Activated meanwhile: switchProjectors may have run before this socket was in the
      // rooms. Out again; the page joins anew on the screen:switch that follows.
      if (p.role === "projector" && (await s.rounds.activeId()) !== roundId) {
        leaveRounds(ctx.socket);
        return fail("round_not_found");
      }
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
      // A landed round: Redis has forgotten it, the records keep its final counts.
      const landed = state.status === "locked" ? await s.sessions.landed(roundId) : null;
      const frozen = await s.rounds.frozen(roundId);
      const snapshot: JoinSnapshot = {
        role: p.role,
        round,
        configSha256: frozen?.sha256 ?? "",
        state,
        progress: staff
          ? (landed?.progress ?? (await s.ballots.progress(roundId, candidateIds)))
          : null,
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
        decisions: staff
          ? landed
            ? ((await s.locks.readExport(roundId))?.decisions ?? [])
            : await s.decisions.list(roundId)
          : null,
        publicUrl: s.publicUrl(),
      };
      return ok(snapshot);
    },
  };
}
