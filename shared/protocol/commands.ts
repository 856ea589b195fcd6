import { z } from "zod";
import type { Result } from "../errors.ts";
import type { Role } from "../roles.ts";
import type { TieDecision } from "../round-export.ts";
import { Id, type RoundConfig } from "../round-file.ts";
import type { CandidateResult } from "../scoring/types.ts";
import type {
  AuditEntry,
  CardInfo,
  OwnBallot,
  OwnEvaluation,
  Progress,
  RoundSummary,
  ScreenData,
  SessionState,
} from "./state.ts";

/**
 * Every client → server event, as one table: who may send it and what its payload is.
 * The server registers a handler per entry and checks role and payload before the handler
 * runs (server/platform/command-router.ts); docs/protocol.md documents each one.
 */
const roundRef = { roundId: Id };
const STAFF: Role[] = ["organizer", "chair"];
const ALL: Role[] = ["organizer", "chair", "projector", "voter", "observer"];

/** A voter's nonce: random, generated on the phone with crypto.getRandomValues. */
const Nonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const commands = {
  "session:join": { roles: ALL, payload: z.object({ roundId: Id.optional() }).strict() },
  "time:sync": { roles: ALL, payload: z.object({}).strict() },

  "server:info": { roles: ["organizer"], payload: z.object({}).strict() },
  "round:list": { roles: ["organizer"], payload: z.object({}).strict() },
  "round:import": { roles: ["organizer"], payload: z.object({ file: z.unknown() }).strict() },
  "round:activate": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "cards:issue": {
    roles: ["organizer"],
    payload: z
      .object({ ...roundRef, counts: z.record(Id, z.number().int().min(0).max(2000)) })
      .strict(),
  },
  "cards:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "card:void": { roles: ["organizer"], payload: z.object({ ...roundRef, cardId: Id }).strict() },
  "card:reissue": {
    roles: ["organizer"],
    payload: z.object({ ...roundRef, cardId: Id }).strict(),
  },
  "link:create": {
    roles: ["organizer"],
    payload: z.object({ ...roundRef, role: z.enum(["chair", "observer"]) }).strict(),
  },
  "round:lock": { roles: ["organizer"], payload: z.object(roundRef).strict() },

  "session:goto": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "timer:start": {
    roles: STAFF,
    payload: z.object({ ...roundRef, kind: z.enum(["speech", "defense"]) }).strict(),
  },
  "timer:stop": { roles: STAFF, payload: z.object(roundRef).strict() },
  "scoring:open": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "scoring:close": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "result:reveal": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "screen:show": {
    roles: STAFF,
    payload: z
      .object({ ...roundRef, view: z.enum(["welcome", "candidate", "evaluation", "ranking"]) })
      .strict(),
  },
  "evaluation:open": { roles: STAFF, payload: z.object(roundRef).strict() },
  "evaluation:close": { roles: STAFF, payload: z.object(roundRef).strict() },
  "evaluation:reveal": { roles: STAFF, payload: z.object(roundRef).strict() },
  "tie:decide": {
    roles: STAFF,
    payload: z
      .object({
        ...roundRef,
        positionId: Id,
        chosen: z.array(Id).min(1).max(50),
        reason: z.string().trim().min(2).max(500),
      })
      .strict(),
  },
  "audit:list": { roles: ["organizer", "chair", "observer"], payload: z.object(roundRef).strict() },

  "evaluation:submit": {
    roles: ["voter"],
    payload: z
      .object({
        /** Candidate id → option id; candidates left blank are simply absent. */
        choices: z.record(Id, Id),
        nonce: Nonce,
        seq: z.number().int().min(1).max(1_000_000),
      })
      .strict(),
  },
  "ballot:submit": {
    roles: ["voter"],
    payload: z
      .object({
        candidateId: Id,
        scores: z.record(Id, z.number().finite()),
        nonce: Nonce,
        seq: z.number().int().min(1).max(1_000_000),
      })
      .strict(),
  },
} as const satisfies Record<string, { roles: readonly Role[]; payload: z.ZodType }>;

export type CommandName = keyof typeof commands;
export type CommandPayload<N extends CommandName> = z.output<(typeof commands)[N]["payload"]>;

/** What a successful join returns; fields a role may not see are null. */
export interface JoinSnapshot {
  role: Role;
  round: RoundConfig;
  state: SessionState;
  progress: Progress | null;
  screen: ScreenData | null;
  /** The voter's own ballots while the round is open. */
  mine: Record<string, OwnBallot> | null;
  /** The voter's own democratic evaluation while the round is open. */
  myEvaluation: OwnEvaluation | null;
  /** The voter's group. */
  group: string | null;
  /** Tie decisions recorded so far (staff only), oldest first. */
  decisions: TieDecision[] | null;
  /** The address phones use (PUBLIC_URL), for QR codes. */
  publicUrl: string;
}

export interface CommandResults {
  "session:join": JoinSnapshot;
  "time:sync": { serverNow: number };
  "server:info": { publicUrl: string; projectorToken: string };
  "round:list": RoundSummary[];
  "round:import": { roundId: string };
  "round:activate": { roundId: string };
  "cards:issue": CardInfo[];
  "cards:list": CardInfo[];
  "card:void": CardInfo;
  "card:reissue": CardInfo;
  "link:create": { token: string };
  "round:lock": { digest: string };
  "session:goto": SessionState;
  "timer:start": SessionState;
  "timer:stop": SessionState;
  /** The state, and the posts whose tie decisions reopening voided (they depended on the candidate). */
  "scoring:open": SessionState & { voidedDecisions: string[] };
  "scoring:close": SessionState;
  "result:reveal": CandidateResult;
  "screen:show": SessionState;
  "ballot:submit": { receipt: string; duplicate: boolean };
  "evaluation:open": SessionState;
  "evaluation:close": SessionState;
  "evaluation:reveal": Record<string, CandidateResult>;
  "evaluation:submit": { receipt: string; duplicate: boolean };
  "tie:decide": TieDecision;
  "audit:list": AuditEntry[];
}

export type Ack<N extends CommandName> = (result: Result<CommandResults[N]>) => void;

export type ClientToServerEvents = {
  [N in CommandName]: (payload: z.input<(typeof commands)[N]["payload"]>, ack: Ack<N>) => void;
};
