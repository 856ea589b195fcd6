import type { Redis } from "ioredis";
import type {
  SessionMark,
  SessionState,
  ShownQuestion,
  TimerKind,
  TimerState,
} from "../../shared/protocol/index.ts";
import type { CandidateMarkKind } from "../../shared/scoring/candidate-mark.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";
import type { FinalState, RoundRecords } from "../records/round-records.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);
const SCREENS = new Set([
  "welcome",
  "candidate",
  "result",
  "evaluation",
  "ranking",
  "locked",
  "question",
]);

/** Parses the state hash; the timer is kept as flat fields so Lua can change it. */
function toState(
  roundId: string,
  h: Record<string, string>,
  windows: Record<string, string>,
  revealed: Record<string, string>,
  marks: Record<string, string>,
  now: number,
): SessionState {
  // An empty value is a hidden reveal (result-hide.lua): no longer shown to the hall.
  const ids = Object.keys(revealed).sort();
  let timer: TimerState | null = null;
  if (h.timerKind === "speech" || h.timerKind === "defense") {
    timer = {
      kind: h.timerKind,
      durationMs: Number(h.timerDuration ?? 0),
      startedAt: h.timerStartedAt ? Number(h.timerStartedAt) : null,
      remainingMs: Number(h.timerRemaining ?? 0),
    };
  }
  const screen =
    h.screen && SCREENS.has(h.screen) ? (h.screen as SessionState["screen"]) : "welcome";
  return {
    roundId,
    status: h.status === "locked" ? "locked" : "open",
    currentCandidateId: h.current ?? null,
    timer,
    windows: Object.fromEntries(
      Object.entries(windows).map(([c, w]) => [c, w === "open" ? "open" : "closed"]),
    ),
    revealed: ids.filter((id) => revealed[id] !== ""),
    hidden: ids.filter((id) => revealed[id] === ""),
    marks: Object.fromEntries(
      Object.entries(marks).map(([c, raw]) => {
        const { mark, at } = JSON.parse(raw) as SessionMark;
        return [c, { mark, at }];
      }),
    ),
    evaluation: h.evaluation === "open" || h.evaluation === "closed" ? h.evaluation : "pending",
    evaluationRevealed: h.evaluationRevealed === "1",
    screen,
    shownCandidateId: h.shown ?? null,
    digest: h.digest ?? null,
    lockedAt: h.lockedAt ?? null,
    exporting: h.status === "locked" && !h.digest,
    // Redis still holds the locked round: it has not landed in the records yet.
    archiving: h.status === "locked",
    diskPurge: h.diskPurge === "pending" || h.diskPurge === "done" ? h.diskPurge : null,
    version: Number(h.version ?? 0),
    serverNow: now,
  };
}

/**
 * The live session's state: current candidate, timer, scoring windows, screen view. Once a
 * lock has landed, Redis holds nothing of the round: its state is the final one the records
 * keep.
 */
export function createSessionStore(redis: Redis, keys: RedisKeys, records: RoundRecords) {
  const marks = keys.marks;
  const scripts = {
    goto: defineAuditedScript(redis, "session_goto", lua("session-goto")),
    mark: defineAuditedScript(redis, "candidate_mark", lua("candidate-mark")),
    timerStart: defineScript(redis, "timer_start", lua("timer-start"), 2),
    timerStop: defineScript(redis, "timer_stop", lua("timer-stop"), 1),
    open: defineAuditedScript(redis, "window_open", lua("window-open")),
    close: defineAuditedScript(redis, "window_close", lua("window-close")),
    showScreen: defineScript(redis, "screen_show", lua("screen-show"), 1),
    showQuestion: defineAuditedScript(redis, "question_show", lua("question-show")),
    evaluationWindow: defineAuditedScript(redis, "evaluation_window", lua("evaluation-window")),
    feedVersion: defineScript(redis, "feed_version", lua("feed-version"), 2),
  };
  type Code =
    | "ok"
    | "round_locked"
    | "bad_state"
    | "round_not_found"
    | "candidate_marked"
    | "candidate_scored"
    | "scoring_still_open";
  /**
   * A command that finds the session already as asked (a second click) succeeds, but its
   * script answers 'unchanged' so that the audit wrapper records nothing.
   */
  const code = async (p: Promise<unknown>): Promise<Code> => {
    const c = await p;
    return (c === "unchanged" ? "ok" : c) as Code;
  };

  return {
    /** Redis's clock in ms: the one clock every node and screen shares. */
    async now(): Promise<number> {
      const [s, us] = await redis.time();
      return Number(s) * 1000 + Math.floor(Number(us) / 1000);
    },

    async read(roundId: string): Promise<SessionState> {
      const [h, windows, revealed, marked, now] = await Promise.all([
        redis.hgetall(keys.state(roundId)),
        redis.hgetall(keys.windows(roundId)),
        redis.hgetall(keys.revealed(roundId)),
        redis.hgetall(marks(roundId)),
        this.now(),
      ]);
      if (Object.keys(h).length === 0) {
        const landed = await this.landed(roundId);
        if (landed) return { ...landed.state, serverNow: now };
      }
      return toState(roundId, h, windows, revealed, marked, now);
    },

    /**
     * The round's feed version, the next one when `bump` (shared/protocol Progress.version):
     * from Redis while it holds the round, then from the records (the last live version plus
     * the projector view's changes since, so it keeps increasing).
     */
    async feedVersion(roundId: string, bump: boolean): Promise<number> {
      const v = await scripts.feedVersion(
        [keys.state(roundId), keys.feedVersion(roundId)],
        [bump ? "1" : "0"],
      );
      if (typeof v === "number") return v;
      const landed = await this.landed(roundId);
      return landed ? landed.progress.version + landed.state.version : 0;
    },

    /** A landed round's final state and counts; null while Redis holds the round. */
    async landed(roundId: string): Promise<FinalState | null> {
      const archived = await records.archived(roundId);
      if (!archived) return null;
      const [purging, display] = await Promise.all([
        redis.sismember(keys.diskPurgePending, roundId),
        records.display(roundId),
      ]);
      const { state, progress } = archived.finalState;
      const view = display
        ? {
            screen: display.screen,
            shownCandidateId: display.shownCandidateId,
            revealed: display.revealed,
            version: display.version,
          }
        : {};
      return {
        state: {
          ...state,
          ...view,
          archiving: false,
          diskPurge: purging ? "pending" : "done",
          // A round landed before marks (弃权, 缺席) existed marked nobody.
          marks: state.marks ?? {},
        },
        // A round landed before abstentions (回避) existed has no count of them: none.
        progress: { ...progress, abstained: progress.abstained ?? {} },
      };
    },

    goto: (roundId: string, candidateId: string, audit: AuditWrite) =>
      code(scripts.goto([keys.state(roundId), marks(roundId)], [candidateId], audit)),
    /**
     * Marks a candidate 弃权 or 缺席 (null: takes the mark back), with the time of the action;
     * refused once they have a ballot, an abstention or an evaluation (candidate-mark.lua).
     */
    mark: (
      roundId: string,
      candidateId: string,
      mark: CandidateMarkKind | null,
      at: Date,
      audit: AuditWrite,
    ) =>
      code(
        scripts.mark(
          [
            keys.state(roundId),
            keys.windows(roundId),
            marks(roundId),
            keys.revealed(roundId),
            keys.ballots(roundId, candidateId),
            keys.abstentions(roundId, candidateId),
            keys.evaluations(roundId, candidateId),
          ],
          [candidateId, mark ?? "", JSON.stringify({ at: at.toISOString(), mark })],
          audit,
        ),
      ),
    timerStart: (roundId: string, kind: TimerKind, durationMs: number) =>
      code(scripts.timerStart([keys.state(roundId), marks(roundId)], [kind, durationMs])),
    timerStop: (roundId: string) => code(scripts.timerStop([keys.state(roundId)], [])),
    /** Opens scoring; the tie decisions that depended on the candidate are voided with it. */
    async openWindow(
      roundId: string,
      candidateId: string,
      audit: AuditWrite,
      by: { at: Date; role: string },
    ): Promise<{ code: Code; voided: string[] }> {
      const reply = await scripts.open(
        [
          keys.state(roundId),
          keys.windows(roundId),
          keys.revealed(roundId),
          keys.decisions(roundId),
          keys.audit(roundId),
          marks(roundId),
        ],
        [candidateId, by.at.toISOString(), by.role],
        audit,
      );
      if (!Array.isArray(reply)) return { code: reply as Code, voided: [] };
      const [first, ...voided] = reply as string[];
      if (first === "unchanged") return { code: "ok", voided: [] };
      return { code: "ok", voided };
    },
    closeWindow: (roundId: string, candidateId: string, audit: AuditWrite) =>
      code(scripts.close([keys.state(roundId), keys.windows(roundId)], [candidateId], audit)),
    evaluationWindow: (roundId: string, to: "open" | "closed", audit: AuditWrite) =>
      code(scripts.evaluationWindow([keys.state(roundId)], [to], audit)),
    /** Puts a drawn question on the projector (audited: what the hall was asked is on record). */
    showQuestion: (roundId: string, question: ShownQuestion, audit: AuditWrite) =>
      code(scripts.showQuestion([keys.state(roundId)], [JSON.stringify(question)], audit)),

    /** The question the projector shows, while its view is the question; else null. */
    async shownQuestion(roundId: string): Promise<ShownQuestion | null> {
      const [screen, question] = await redis.hmget(keys.state(roundId), "screen", "question");
      if (screen !== "question" || !question) return null;
      return JSON.parse(question) as ShownQuestion;
    },
    async showScreen(roundId: string, view: string): Promise<Code> {
      const c = await scripts.showScreen([keys.state(roundId)], [view]);
      if (c !== "landed") return c as Code;
      // A landed round: after the lock the hall sees the welcome, ranking, evaluation or lock page.
      if (view !== "welcome" && view !== "ranking" && view !== "evaluation" && view !== "locked") {
        return "round_locked";
      }
      return (await records.changeDisplay(roundId, { screen: view })) ? "ok" : "round_not_found";
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
