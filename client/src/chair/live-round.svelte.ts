import type { ErrorCode } from "../../../shared/errors.ts";
import type {
  JoinSnapshot,
  Progress,
  ScreenData,
  SessionState,
} from "../../../shared/protocol/index.ts";
import type { Connection } from "../lib/connection.svelte.ts";
import { afterJoin, supersedes } from "../lib/feed-version.ts";

/** One round as the staff watch it: config, session state, progress and revealed results. */
export interface LiveRound {
  readonly snapshot: JoinSnapshot | null;
  readonly state: SessionState | null;
  readonly progress: Progress | null;
  readonly screen: ScreenData | null;
  /** Why the last join failed (e.g. round_not_found), null once joined. */
  readonly joinError: ErrorCode | null;
  /** Takes a state returned by a command, so the page does not wait for the broadcast. */
  applyState(state: SessionState): void;
  stop(): void;
}

/**
 * Joins a round and keeps its live data current. The server forgets a socket's rooms when
 * it reconnects, so every (re)connect joins again and starts from a fresh snapshot.
 * `roundId` is null for chair and observer links, which are bound to one round.
 */
export function watchRound(conn: Connection, roundId: string | null): LiveRound {
  const live = $state({
    snapshot: null as JoinSnapshot | null,
    state: null as SessionState | null,
    progress: null as Progress | null,
    screen: null as ScreenData | null,
    joinError: null as ErrorCode | null,
  });
  const mine = (id: string) => live.snapshot !== null && id === live.snapshot.state.roundId;

  // Broadcasts and command replies can cross on the wire; the version says which is newer.
  function applyState(state: SessionState): void {
    if (!mine(state.roundId)) return;
    if (live.state && state.version < live.state.version) return;
    live.state = state;
  }

  async function join(): Promise<void> {
    const before = { progress: live.progress, screen: live.screen };
    const res = await conn.call("session:join", roundId ? { roundId } : {});
    if (!res.ok) {
      live.joinError = res.error;
      return;
    }
    live.joinError = null;
    live.snapshot = res.data;
    live.state = res.data.state;
    // A broadcast newer than the snapshot may have come in while the join was under way.
    live.progress = afterJoin(before.progress, live.progress, res.data.progress);
    live.screen = afterJoin(before.screen, live.screen, res.data.screen);
  }

  const onState = (s: SessionState) => applyState(s);
  const onProgress = (p: Progress) => {
    if (mine(p.roundId) && supersedes(live.progress, p)) live.progress = p;
  };
  const onScreen = (s: ScreenData) => {
    if (mine(s.roundId) && supersedes(live.screen, s)) live.screen = s;
  };
  const onConnect = () => void join();

  conn.socket.on("connect", onConnect);
  conn.socket.on("session:state", onState);
  conn.socket.on("tally:updated", onProgress);
  conn.socket.on("screen:updated", onScreen);
  if (conn.socket.connected) void join();

  return {
    get snapshot() {
      return live.snapshot;
    },
    get state() {
      return live.state;
    },
    get progress() {
      return live.progress;
    },
    get screen() {
      return live.screen;
    },
    get joinError() {
      return live.joinError;
    },
    applyState,
    stop() {
      conn.socket.off("connect", onConnect);
      conn.socket.off("session:state", onState);
      conn.socket.off("tally:updated", onProgress);
      conn.socket.off("screen:updated", onScreen);
    },
  };
}
