import { fail, ok } from "../../shared/errors.ts";
import { rooms } from "../../shared/protocol/index.ts";
import type { Principal } from "../../shared/roles.ts";
import { DraftRoundFile } from "../../shared/round-file.ts";
import { roundFileIssues } from "../../shared/round-file-issues.ts";
import { revokeCards } from "../live/card-sockets.ts";
import { switchProjectors } from "../live/join-handlers.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";
import { newRoundId } from "./round-id.ts";

type SetupHandlers = Pick<
  Handlers,
  | "server:info"
  | "round:list"
  | "round:import"
  | "round:start"
  | "round:file"
  | "round:delete"
  | "round:archive"
  | "round:activate"
  | "link:create"
  | "cards:issue"
  | "cards:print"
  | "cards:list"
  | "card:void"
  | "card:reissue"
>;

/** Organizer set-up: rounds, links and ballot cards. */
export function setupHandlers(s: Services): SetupHandlers {
  const requireRound = async (roundId: string) => s.rounds.config(roundId);

  /** Freezes the draft and opens its live session; the projector is taken as asked. */
  async function startRound(principal: Principal, roundId: string, activate?: boolean) {
    const previous = await s.rounds.activeId();
    const mode = activate === undefined ? "unless-live" : activate ? "always" : "never";
    const audit = s.audit.record(principal, roundId, "round:start");
    const started = await s.rounds.start(roundId, mode, audit);
    if (!started.ok) return started;
    const { sha256, activated } = started.data;
    s.logger.info("round started", { roundId, configSha256: sha256, activated });
    if (activated) await switchProjectors(s, roundId);
    const kept = !activated && activate === undefined && previous ? previous : null;
    const liveTitle = kept ? (await s.rounds.config(kept))?.title : undefined;
    return ok({
      roundId,
      configSha256: sha256,
      activated,
      liveRound: kept && liveTitle ? { id: kept, title: liveTitle } : null,
    });
  }

  return {
    "server:info": async () =>
      ok({ publicUrl: s.publicUrl(), projectorToken: await s.auth.projectorToken() }),

    "round:list": async (_ctx, { archived }) => ok(await s.rounds.list({ archived })),

    "round:import": async (ctx, { file, roundId: draftId, rehearsal, start, activate }) => {
      // A draft may lack posts or candidates (a file downloaded from a draft built in the
      // console); the start checks the whole file.
      const parsed = DraftRoundFile.safeParse(file);
      if (!parsed.success) {
        return fail("invalid_round_file", roundFileIssues(file, parsed.error.issues.slice(0, 20)));
      }
      const config = parsed.data;
      const roundId = draftId ?? newRoundId();
      const audit = s.audit.record(ctx.principal, roundId, "round:import", {
        note: draftId ? "replace" : rehearsal ? "rehearsal" : null,
      });
      if (draftId) {
        const code = await s.rounds.replaceDraft(draftId, config, audit);
        if (code !== "ok") return fail(code);
      } else {
        await s.rounds.createDraft(roundId, rehearsal ? "rehearsal" : "formal", config, audit);
      }
      s.logger.info("round imported", { roundId, candidates: config.candidates.length });
      if (!start) {
        return ok({
          roundId,
          status: "draft" as const,
          configSha256: null,
          activated: false,
          liveRound: null,
        });
      }
      const started = await startRound(ctx.principal, roundId, activate);
      if (!started.ok) return started;
      return ok({ ...started.data, status: "session" as const });
    },

    "round:start": async (ctx, { roundId, activate }) =>
      startRound(ctx.principal, roundId, activate),

    "round:file": async (_ctx, { roundId }) => {
      const file = await s.rounds.draftConfig(roundId);
      return file ? ok({ file }) : fail("round_not_found");
    },

    "round:delete": async (ctx, { roundId }) => {
      const audit = s.audit.record(ctx.principal, roundId, "round:delete");
      const code = await s.rounds.remove(roundId, audit);
      if (code !== "ok") return fail(code);
      // A rehearsal deleted in session: its live session goes too, and its phones and the
      // projector are told.
      const live = await s.locks.discard(roundId);
      revokeCards(s.io, roundId, live.cardIds, "round_deleted");
      if (live.wasActive) s.io.to(rooms.projectors).emit("screen:switch", { roundId: null });
      s.logger.info("round deleted", { roundId, cards: live.cardIds.length });
      return ok({ roundId });
    },

    "round:archive": async (ctx, { roundId }) => {
      const audit = s.audit.record(ctx.principal, roundId, "round:archive");
      const code = await s.rounds.archive(roundId, audit);
      if (code !== "ok") return fail(code);
      return ok({ roundId });
    },

    "round:activate": async (ctx, { roundId }) => {
      const audit = s.audit.write(ctx.principal, roundId, "round:activate");
      const code = await s.rounds.activate(roundId, audit);
      if (code !== "ok") return fail(code);
      await switchProjectors(s, roundId);
      return ok({ roundId });
    },

    "link:create": async (ctx, { roundId, role }) => {
      const audit = s.audit.write(ctx.principal, roundId, "link:create", { subject: role });
      const token = await s.auth.issueLink({ role, roundId }, audit);
      return token ? ok({ token }) : fail("round_not_found");
    },

    "cards:issue": async (ctx, { roundId, counts, requestId }) => {
      const config = await requireRound(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      const groups = new Set(config.groups.map((g) => g.id));
      if (!Object.keys(counts).every((g) => groups.has(g))) return fail("invalid_payload");
      const audit = s.audit.write(ctx.principal, roundId, "cards:issue", {
        note: JSON.stringify(counts),
      });
      const res = await s.cards.issue(roundId, counts, requestId, audit);
      if (typeof res === "string") return fail(res);
      // A replay replaced the secrets: a page still open on an old one is told and closed.
      if (res.replay) {
        const ids = res.cards.map((c) => c.id);
        revokeCards(s.io, roundId, ids, "card_reissued");
      }
      void s.tally.broadcast(roundId);
      return ok(res.cards);
    },

    "cards:print": async (ctx, { roundId, cardIds }) => {
      if (!(await requireRound(roundId))) return fail(await s.rounds.missing(roundId));
      const audit = s.audit.write(ctx.principal, roundId, "cards:print", {
        note: String(cardIds.length),
      });
      const res = await s.cards.rotate(roundId, cardIds, audit);
      if (typeof res === "string") return fail(res);
      revokeCards(s.io, roundId, cardIds, "card_reissued");
      return ok(res);
    },

    "cards:list": async (_ctx, { roundId }) => {
      if (!(await requireRound(roundId))) return fail(await s.rounds.missing(roundId));
      return ok(await s.cards.list(roundId));
    },

    "card:void": async (ctx, { roundId, cardId }) => {
      const config = await requireRound(roundId);
      if (!config) return fail(await s.rounds.missing(roundId));
      const audit = s.audit.write(ctx.principal, roundId, "card:void", { subject: cardId });
      const candidateIds = config.candidates.map((c) => c.id);
      const res = await s.cards.void(roundId, cardId, candidateIds, audit);
      if (typeof res === "string") return fail(res);
      revokeCards(s.io, roundId, [cardId], "card_void");
      void s.tally.broadcast(roundId);
      return ok(res);
    },

    "card:reissue": async (ctx, { roundId, cardId }) => {
      if (!(await requireRound(roundId))) return fail(await s.rounds.missing(roundId));
      const audit = s.audit.write(ctx.principal, roundId, "card:reissue", { subject: cardId });
      const res = await s.cards.rotate(roundId, [cardId], audit);
      if (typeof res === "string") return fail(res);
      revokeCards(s.io, roundId, [cardId], "card_reissued");
      const [card] = res;
      return card ? ok(card) : fail("card_not_found");
    },
  };
}
