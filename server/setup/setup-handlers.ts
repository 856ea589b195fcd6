import { randomInt } from "node:crypto";
import { fail, type InputIssue, ok } from "../../shared/errors.ts";
import { rooms } from "../../shared/protocol/index.ts";
import { RoundFile } from "../../shared/round-file.ts";
import type { Handlers } from "../platform/command-router.ts";
import type { Services } from "../services.ts";

const ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function newRoundId(): string {
  let id = "r";
  for (let i = 0; i < 7; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

type SetupHandlers = Pick<
  Handlers,
  | "server:info"
  | "round:list"
  | "round:import"
  | "round:activate"
  | "link:create"
  | "cards:issue"
  | "cards:list"
  | "card:void"
  | "card:reissue"
>;

/** Organizer set-up: rounds, links and ballot cards. */
export function setupHandlers(s: Services): SetupHandlers {
  const requireRound = async (roundId: string) => s.rounds.config(roundId);

  return {
    "server:info": async () =>
      ok({ publicUrl: s.publicUrl(), projectorToken: await s.auth.projectorToken() }),

    "round:list": async () => ok(await s.rounds.list()),

    "round:import": async (_ctx, { file, activate }) => {
      const parsed = RoundFile.safeParse(file);
      if (!parsed.success) {
        const issues: InputIssue[] = parsed.error.issues
          .slice(0, 20)
          .map((i) => ({ path: i.path.join("."), message: i.message }));
        return fail("invalid_round_file", issues);
      }
      const roundId = newRoundId();
      const previous = await s.rounds.activeId();
      const mode = activate === undefined ? "unless-live" : activate ? "always" : "never";
      const { activated } = await s.rounds.create(roundId, parsed.data, new Date(), mode);
      s.logger.info("round imported", {
        roundId,
        candidates: parsed.data.candidates.length,
        activated,
      });
      if (activated) s.io.to(rooms.projectors).emit("screen:switch", { roundId });
      const kept = !activated && activate === undefined && previous ? previous : null;
      const liveTitle = kept ? (await s.rounds.config(kept))?.title : undefined;
      return ok({
        roundId,
        activated,
        liveRound: kept && liveTitle ? { id: kept, title: liveTitle } : null,
      });
    },

    "round:activate": async (ctx, { roundId }) => {
      const audit = s.audit.write(ctx.principal, roundId, "round:activate");
      const code = await s.rounds.activate(roundId, audit);
      if (code !== "ok") return fail(code);
      s.io.to(rooms.projectors).emit("screen:switch", { roundId });
      return ok({ roundId });
    },

    "link:create": async (_ctx, { roundId, role }) => {
      if (!(await s.rounds.exists(roundId))) return fail("round_not_found");
      return ok({ token: await s.auth.issue({ role, roundId }) });
    },

    "cards:issue": async (_ctx, { roundId, counts }) => {
      const config = await requireRound(roundId);
      if (!config) return fail("round_not_found");
      const groups = new Set(config.groups.map((g) => g.id));
      if (!Object.keys(counts).every((g) => groups.has(g))) return fail("invalid_payload");
      const issued = await s.cards.issue(roundId, counts);
      void s.tally.broadcast(roundId);
      return ok(issued);
    },

    "cards:list": async (_ctx, { roundId }) => {
      if (!(await requireRound(roundId))) return fail("round_not_found");
      return ok(await s.cards.list(roundId));
    },

    "card:void": async (_ctx, { roundId, cardId }) => {
      const res = await s.cards.void(roundId, cardId);
      if (typeof res === "string") return fail(res);
      void s.tally.broadcast(roundId);
      return ok(res);
    },

    "card:reissue": async (_ctx, { roundId, cardId }) => {
      const voided = await s.cards.void(roundId, cardId);
      if (typeof voided === "string") return fail(voided);
      const card = await s.cards.issueOne(roundId, voided.group);
      void s.tally.broadcast(roundId);
      return ok(card);
    },
  };
}
