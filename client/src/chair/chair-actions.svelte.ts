import type { Result } from "../../../shared/errors.ts";
import type {
  AuditEntry,
  CommandName,
  DrawnQuestion,
  SessionState,
  TimerKind,
} from "../../../shared/protocol/index.ts";
import type { TieDecision } from "../../../shared/round-export.ts";
import type { CandidateMarkKind } from "../../../shared/scoring/candidate-mark.ts";
import type { CandidateResult } from "../../../shared/scoring/types.ts";
import type { Connection } from "../lib/connection.svelte.ts";
import { t } from "../lib/i18n.svelte.ts";
import type { LiveRound } from "./live-round.svelte.ts";
import { toast, unwrap } from "./ui/toasts.svelte.ts";

export type ScreenChoice = "welcome" | "candidate" | "evaluation" | "ranking" | "locked";

/** The chair's commands, shared by the chair console and the organizer's round view. */
export interface ChairActions {
  /** The command in flight, so its button can show it and others wait. */
  readonly busy: CommandName | null;
  goto(candidateId: string): Promise<void>;
  startTimer(kind: TimerKind): Promise<void>;
  stopTimer(): Promise<void>;
  openScoring(candidateId: string): Promise<void>;
  closeScoring(candidateId: string): Promise<void>;
  /** Marks a candidate 弃权 or 缺席, or takes the mark back (null); resolves whether it did. */
  mark(candidateId: string, mark: CandidateMarkKind | null): Promise<boolean>;
  /** What revealing would show the hall now, without showing it. */
  preview(candidateId: string): Promise<CandidateResult | null>;
  reveal(candidateId: string): Promise<CandidateResult | null>;
  /** Takes a mistaken reveal off the projector and out of the ranking. */
  hide(candidateId: string): Promise<boolean>;
  show(view: ScreenChoice): Promise<void>;
  openEvaluation(): Promise<void>;
  closeEvaluation(): Promise<void>;
  revealEvaluation(): Promise<void>;
  /** Records who of the candidates tied at a post's quota edge are inspected, and why. */
  decideTie(positionId: string, chosen: string[], reason: string): Promise<TieDecision | null>;
  /** The audit trail; a read, so it neither waits for nor blocks the commands. */
  listAudit(): Promise<AuditEntry[] | null>;
  /** The drawn defense questions per post id (a read; frozen since the start). */
  listQuestions(): Promise<Record<string, DrawnQuestion[]> | null>;
  /** Puts a drawn question on the projector for the candidate to answer. */
  showQuestion(postId: string, questionId: string): Promise<void>;
}

/** Commands go to the round `live` has joined; before the join there is nothing to act on. */
export function chairActions(conn: Connection, live: LiveRound): ChairActions {
  const flight = $state({ busy: null as CommandName | null });

  async function run<T>(
    name: CommandName,
    send: (roundId: string) => Promise<Result<T>>,
  ): Promise<T | null> {
    const roundId = live.state?.roundId;
    if (flight.busy || !roundId) return null;
    flight.busy = name;
    try {
      return unwrap(await send(roundId));
    } finally {
      flight.busy = null;
    }
  }
  const applied = (state: SessionState | null) => {
    if (state) live.applyState(state);
  };

  return {
    get busy() {
      return flight.busy;
    },
    goto: async (candidateId) =>
      applied(
        await run("session:goto", (roundId) => conn.call("session:goto", { roundId, candidateId })),
      ),
    startTimer: async (kind) =>
      applied(await run("timer:start", (roundId) => conn.call("timer:start", { roundId, kind }))),
    stopTimer: async () =>
      applied(await run("timer:stop", (roundId) => conn.call("timer:stop", { roundId }))),
    openScoring: async (candidateId) => {
      const opened = await run("scoring:open", (roundId) =>
        conn.call("scoring:open", { roundId, candidateId }),
      );
      applied(opened);
      // Reopening voids the tie decisions that depended on the candidate's score: say so.
      if (opened && opened.voidedDecisions.length > 0) {
        const titles = opened.voidedDecisions.map(
          (id) => live.snapshot?.round.positions.find((p) => p.id === id)?.title ?? id,
        );
        toast(t("chair.tie.voided", { posts: titles.join(t("common.listSeparator")) }));
      }
    },
    closeScoring: async (candidateId) =>
      applied(
        await run("scoring:close", (roundId) =>
          conn.call("scoring:close", { roundId, candidateId }),
        ),
      ),
    mark: async (candidateId, mark) => {
      const state = await run("candidate:mark", (roundId) =>
        conn.call("candidate:mark", { roundId, candidateId, mark }),
      );
      applied(state);
      return state !== null;
    },
    preview: (candidateId) =>
      run("result:preview", (roundId) => conn.call("result:preview", { roundId, candidateId })),
    reveal: (candidateId) =>
      run("result:reveal", (roundId) => conn.call("result:reveal", { roundId, candidateId })),
    hide: async (candidateId) => {
      const state = await run("result:hide", (roundId) =>
        conn.call("result:hide", { roundId, candidateId }),
      );
      applied(state);
      return state !== null;
    },
    show: async (view) =>
      applied(await run("screen:show", (roundId) => conn.call("screen:show", { roundId, view }))),
    openEvaluation: async () =>
      applied(await run("evaluation:open", (roundId) => conn.call("evaluation:open", { roundId }))),
    closeEvaluation: async () =>
      applied(
        await run("evaluation:close", (roundId) => conn.call("evaluation:close", { roundId })),
      ),
    // The results arrive with the screen broadcast that follows; the ack adds nothing here.
    revealEvaluation: async () => {
      await run("evaluation:reveal", (roundId) => conn.call("evaluation:reveal", { roundId }));
    },
    // The settled ranking and the decisions arrive with the screen broadcast that follows.
    decideTie: (positionId, chosen, reason) =>
      run("tie:decide", (roundId) =>
        conn.call("tie:decide", { roundId, positionId, chosen, reason }),
      ),
    listAudit: async () => {
      const roundId = live.state?.roundId;
      return roundId ? unwrap(await conn.call("audit:list", { roundId })) : null;
    },
    listQuestions: async () => {
      const roundId = live.state?.roundId;
      if (!roundId) return null;
      return unwrap(await conn.call("questions:drawn", { roundId }))?.questions ?? null;
    },
    showQuestion: async (postId, questionId) =>
      applied(
        await run("question:show", (roundId) =>
          conn.call("question:show", { roundId, postId, questionId }),
        ),
      ),
  };
}
