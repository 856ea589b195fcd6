import { z } from "zod";
import { QUESTION_PICKS, WITNESSES } from "../draw/draw-pool.ts";
import { DrawPurpose } from "../draw/draw-record.ts";
import type { Result } from "../errors.ts";
import type { Role } from "../roles.ts";
import type { TieDecision } from "../round-export.ts";
import { Id, type RoundConfig } from "../round-file.ts";
import { CANDIDATE_MARK_KINDS } from "../scoring/candidate-mark.ts";
import type { CandidateResult } from "../scoring/types.ts";
import { IsoDate, Person, type Relationship, type VoterGroup } from "../setup/person.ts";
import {
  type ApplicationList,
  ApplicationRef,
  DecidePayload,
  NominatePayload,
  type ReviewClosed,
} from "./applications.ts";
import type {
  BankQuestion,
  BankSeal,
  DrawList,
  DrawnQuestion,
  ManualOrder,
  PublishedDraw,
  QuestionBank,
} from "./draws.ts";
import { type Announcement, PostList, type PostsView } from "./posts.ts";
import type {
  AuditEntry,
  CardInfo,
  IssuedCard,
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

/**
 * A map from ids: zod's record skips a `__proto__` key without a word (assigning it would
 * set the prototype), so such a payload would be stored as if the key were never sent. The
 * raw object is checked first, and a payload carrying one is refused as a whole.
 */
function idRecord<V extends z.ZodType>(value: V) {
  return z
    .custom<Record<string, unknown>>(
      (raw) => typeof raw !== "object" || raw === null || !Object.hasOwn(raw, "__proto__"),
    )
    .pipe(z.record(Id, value));
}

/** A voter's nonce: random, generated on the phone with crypto.getRandomValues. */
const Nonce = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/** A revision number per card and slot (docs/protocol.md, Submitting). */
const Seq = z.number().int().min(1).max(1_000_000);
/** A staff page's request id, random like a nonce (and no longer than an id), so a retried request acts once. */
const RequestId = z.string().regex(/^[A-Za-z0-9_-]{8,40}$/);
/** A question of a bank: Q1, Q2, … per round (numbered by the records). */
const QuestionId = z.string().regex(/^Q[1-9][0-9]{0,5}$/);
/** A name as entered (a witness, a question's author or editor): a role, a person, or both. */
const Name = z.string().trim().min(1).max(60);
/** Most cards one print or issue may touch (a large bureau's whole staff, several times). */
const MAX_CARDS = 10_000;

export const commands = {
  "session:join": { roles: ALL, payload: z.object({ roundId: Id.optional() }).strict() },
  "time:sync": { roles: ALL, payload: z.object({}).strict() },

  "server:info": { roles: ["organizer"], payload: z.object({}).strict() },
  "round:list": {
    roles: ["organizer"],
    /** archived: only the archived rounds (hidden from the usual list), instead of the others. */
    payload: z.object({ archived: z.boolean().optional() }).strict(),
  },
  "round:import": {
    roles: ["organizer"],
    payload: z
      .object({
        file: z.unknown(),
        /** A draft to correct: its file is replaced by this one (only while it is a draft). */
        roundId: Id.optional(),
        /** A rehearsal round (演练) may be deleted at any stage; a formal one only as a draft. */
        rehearsal: z.boolean().optional(),
        /** Start the session at once (the one-click demo): as round:start right after. */
        start: z.boolean().optional(),
        /** With start: whether the round takes the projector (as round:start). */
        activate: z.boolean().optional(),
      })
      .strict(),
  },
  "round:start": {
    roles: ["organizer"],
    payload: z
      .object({
        ...roundRef,
        /**
         * Whether the round takes the projector: true, false, or (left out) only when the
         * round on it is not live (see RoundSummary.live), so a live session is never taken
         * over without the organizer's yes.
         */
        activate: z.boolean().optional(),
      })
      .strict(),
  },
  "round:file": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "round:delete": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "round:archive": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "round:create": {
    roles: ["organizer"],
    /**
     * A new, empty draft with the default rules, to build in the console (issue 8). The
     * request id names the round: a retried request answers with the round made first.
     */
    payload: z
      .object({
        title: z.string().trim().min(1).max(120),
        rehearsal: z.boolean().optional(),
        requestId: RequestId,
      })
      .strict(),
  },
  "people:list": { roles: ["organizer"], payload: z.object({}).strict() },
  "person:save": {
    roles: ["organizer"],
    /** A person added or corrected by hand; their declared relationships stay as they are. */
    payload: z.object({ person: Person }).strict(),
  },
  "draft:rules": {
    roles: ["organizer"],
    /**
     * Replaces the named parts of a draft's rules. Each part is checked as the round file
     * checks it (invalid_round_file with issues naming the entry), so it is unknown here.
     */
    payload: z
      .object({
        ...roundRef,
        title: z.unknown().optional(),
        rubric: z.unknown().optional(),
        groups: z.unknown().optional(),
        evaluationOptions: z.unknown().optional(),
        method: z.unknown().optional(),
        timers: z.unknown().optional(),
      })
      .strict(),
  },
  // Posts and their announcement (公布岗位及条件), shared/protocol/posts.ts.
  "posts:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "posts:save": {
    roles: ["organizer"],
    /** A draft's whole post list, in the announcement's order; new posts have no localId. */
    payload: z.object({ ...roundRef, posts: PostList }).strict(),
  },
  "announcement:publish": {
    roles: ["organizer"],
    /**
     * The posts as they stand, as the next dated version: the day the conditions are counted
     * to (ages, years of work), and the last day to apply.
     */
    payload: z.object({ ...roundRef, referenceDate: IsoDate, applyUntil: IsoDate }).strict(),
  },
  "announcement:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  // Nominations and the qualification review (shared/protocol/applications.ts).
  "application:nominate": { roles: ["organizer"], payload: NominatePayload },
  "application:accept": { roles: ["organizer"], payload: ApplicationRef },
  "application:withdraw": { roles: ["organizer"], payload: ApplicationRef },
  "application:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "application:decide": { roles: ["organizer"], payload: DecidePayload },
  "review:close": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  // Public draws and the defense questions (issue 8 items 6 and 7, docs/draw.md).
  "draw:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "draw:publish": {
    roles: ["organizer"],
    /** The pool follows from the round (its candidates, or the post's sealed bank). */
    payload: z
      .object({
        ...roundRef,
        purpose: DrawPurpose,
        /** With purpose "questions": whose bank. */
        postId: Id.optional(),
        witnesses: z.array(Name).min(WITNESSES.min).max(WITNESSES.max),
      })
      .strict(),
  },
  "draw:enter": {
    roles: ["organizer"],
    payload: z
      .object({
        ...roundRef,
        drawId: z.number().int().min(1).max(1_000_000),
        /** One list of numbers per witness, in the published order (a die's faces, say). */
        sources: z
          .array(z.array(z.number().int().min(0).max(Number.MAX_SAFE_INTEGER)).min(1).max(100))
          .min(WITNESSES.min)
          .max(WITNESSES.max),
      })
      .strict(),
  },
  "order:set": {
    roles: ["organizer"],
    payload: z
      .object({
        ...roundRef,
        order: z.array(Id).min(1).max(200),
        reason: z.string().trim().min(2).max(500),
      })
      .strict(),
  },
  "questions:list": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "question:save": {
    roles: ["organizer"],
    /** A new question when questionId is left out; `by` is its author, or who edits it. */
    payload: z
      .object({
        ...roundRef,
        postId: Id,
        questionId: QuestionId.optional(),
        text: z.string().trim().min(1).max(2000),
        by: Name,
      })
      .strict(),
  },
  "question:delete": {
    roles: ["organizer"],
    payload: z.object({ ...roundRef, questionId: QuestionId, by: Name }).strict(),
  },
  "questions:seal": {
    roles: ["organizer"],
    payload: z
      .object({
        ...roundRef,
        postId: Id,
        count: z.number().int().min(QUESTION_PICKS.min).max(QUESTION_PICKS.max),
      })
      .strict(),
  },
  "questions:drawn": {
    roles: ["organizer", "chair", "observer"],
    payload: z.object(roundRef).strict(),
  },
  "round:activate": { roles: ["organizer"], payload: z.object(roundRef).strict() },
  "cards:issue": {
    roles: ["organizer"],
    payload: z
      .object({
        ...roundRef,
        counts: idRecord(z.number().int().min(0).max(2000)),
        requestId: RequestId,
      })
      .strict(),
  },
  "cards:print": {
    roles: ["organizer"],
    payload: z.object({ ...roundRef, cardIds: z.array(Id).min(1).max(MAX_CARDS) }).strict(),
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
  "candidate:mark": {
    roles: STAFF,
    /**
     * 弃权 (withdrew after the review) or 缺席 (did not appear) for a candidate who has taken
     * no part; null takes a mistaken mark back.
     */
    payload: z
      .object({ ...roundRef, candidateId: Id, mark: z.enum(CANDIDATE_MARK_KINDS).nullable() })
      .strict(),
  },
  "result:preview": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "result:reveal": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "result:hide": {
    roles: STAFF,
    payload: z.object({ ...roundRef, candidateId: Id }).strict(),
  },
  "screen:show": {
    roles: STAFF,
    payload: z
      .object({
        ...roundRef,
        view: z.enum(["welcome", "candidate", "evaluation", "ranking", "locked"]),
      })
      .strict(),
  },
  "question:show": {
    roles: STAFF,
    payload: z.object({ ...roundRef, postId: Id, questionId: QuestionId }).strict(),
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
        choices: idRecord(Id),
        nonce: Nonce,
        seq: Seq,
      })
      .strict(),
  },
  "ballot:submit": {
    roles: ["voter"],
    /**
     * The card's one slot for the candidate: scores, or an abstention (回避) instead of
     * them. Either replaces the other, with the same nonce and seq rules.
     */
    payload: z.union([
      z
        .object({
          candidateId: Id,
          scores: idRecord(z.number().finite()),
          nonce: Nonce,
          seq: Seq,
        })
        .strict(),
      z.object({ candidateId: Id, abstain: z.literal(true), nonce: Nonce, seq: Seq }).strict(),
    ]),
  },
} as const satisfies Record<string, { roles: readonly Role[]; payload: z.ZodType }>;

export type CommandName = keyof typeof commands;
export type CommandPayload<N extends CommandName> = z.output<(typeof commands)[N]["payload"]>;

/** What a successful join returns; fields a role may not see are null. */
export interface JoinSnapshot {
  role: Role;
  round: RoundConfig;
  /** SHA-256 of the frozen rules (canonical JSON of round), shown as "评分规则已固定，校验码 …". */
  configSha256: string;
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
  "round:import": {
    roundId: string;
    status: "draft" | "session";
    /** When started: the SHA-256 of the frozen rules. */
    configSha256: string | null;
    /** Whether it took the projector (only when started). */
    activated: boolean;
    /** The live round that kept the projector, when one did. */
    liveRound: { id: string; title: string } | null;
  };
  "round:start": {
    roundId: string;
    configSha256: string;
    activated: boolean;
    liveRound: { id: string; title: string } | null;
  };
  /** A draft's round file as it stands (round-file format), to save or correct. */
  "round:file": { file: RoundConfig };
  "round:delete": { roundId: string };
  "round:archive": { roundId: string };
  "round:create": { roundId: string };
  "people:list": {
    people: (Person & { updatedAt: string })[];
    relationships: Relationship[];
    groupCounts: Record<VoterGroup, number>;
  };
  "person:save": { outcome: "created" | "updated" | "unchanged" };
  /** The draft's file after the change. */
  "draft:rules": { file: RoundConfig };
  "posts:list": PostsView;
  /** The posts as saved, new ones with their ids. */
  "posts:save": PostsView;
  "announcement:publish": Announcement;
  /** Every published version, oldest first. */
  "announcement:list": Announcement[];
  "application:nominate": {
    applicationId: string;
    /** A self-nomination is an application at once; the others await the nominee's yes. */
    status: "nominated" | "applied";
    preference: 1 | 2 | null;
  };
  "application:accept": { preference: 1 | 2 };
  "application:withdraw": { applicationId: string };
  "application:list": ApplicationList;
  "application:decide": { applicationId: string; status: "passed" | "rejected" };
  "review:close": ReviewClosed;
  "draw:list": DrawList;
  "draw:publish": PublishedDraw;
  "draw:enter": PublishedDraw;
  "order:set": ManualOrder;
  /** Every post's bank, in the round file's post order. */
  "questions:list": { banks: QuestionBank[] };
  "question:save": BankQuestion;
  "question:delete": { questionId: string };
  "questions:seal": BankSeal;
  /** The drawn questions per post id, in the order drawn. */
  "questions:drawn": { questions: Record<string, DrawnQuestion[]> };
  "round:activate": { roundId: string };
  "cards:issue": IssuedCard[];
  "cards:print": IssuedCard[];
  "cards:list": CardInfo[];
  "card:void": CardInfo;
  "card:reissue": IssuedCard;
  "link:create": { token: string };
  /** digest is null while the export is still being generated (SessionState.exporting). */
  "round:lock": { digest: string | null };
  "session:goto": SessionState;
  "timer:start": SessionState;
  "timer:stop": SessionState;
  /** The state, and the posts whose tie decisions reopening voided (they depended on the candidate). */
  "scoring:open": SessionState & { voidedDecisions: string[] };
  "scoring:close": SessionState;
  "candidate:mark": SessionState;
  "result:preview": CandidateResult;
  "result:reveal": CandidateResult;
  "result:hide": SessionState;
  "screen:show": SessionState;
  "ballot:submit": { receipt: string; duplicate: boolean };
  "question:show": SessionState;
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
