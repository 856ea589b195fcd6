import type { ErrorCode } from "../../../shared/errors.ts";
import type { Progress, ScreenData, SessionState } from "../../../shared/protocol/state.ts";
import type { RoundConfig } from "../../../shared/round-file.ts";
import { type Connection, connect } from "../lib/connection.svelte.ts";
import { afterJoin, supersedes } from "../lib/feed-version.ts";

/** Where the projector's token lives once takeLinkToken has moved it out of the address bar. */
export const PROJECTOR_TOKEN_KEY = "jingpin.projector";

const JOIN_RETRY_MS = 2000;

/**
 * What the projector shows: the organizer's active round, followed as it changes
 * (`screen:switch`), with progress and revealed results, which only staff and projectors get.
 */
export class ScreenSession {
  readonly conn: Connection;
  round = $state.raw<RoundConfig | null>(null);
  state = $state.raw<SessionState | null>(null);
  progress = $state.raw<Progress | null>(null);
  screen = $state.raw<ScreenData | null>(null);
  publicUrl = $state("");
  /** The frozen rules' SHA-256, for the welcome page's "评分规则已固定，校验码 …". */
  configSha256 = $state("");
  /** No active round: a calm waiting screen until the organizer activates one. */
  idle = $state(false);
  fatal = $state<ErrorCode | null>(null);

  private joins = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(token: string) {
    this.conn = connect(token);
    const socket = this.conn.socket;
    socket.on("connect", () => void this.join());
    socket.on("screen:switch", ({ roundId }) => {
      if (roundId === null) this.clear();
      void this.join();
    });
    socket.on("session:state", (s) => {
      const current = this.state;
      if (current && s.roundId === current.roundId && supersedes(current, s)) this.state = s;
    });
    socket.on("tally:updated", (p) => {
      if (p.roundId === this.state?.roundId && supersedes(this.progress, p)) this.progress = p;
    });
    socket.on("screen:updated", (d) => {
      if (d.roundId === this.state?.roundId && supersedes(this.screen, d)) this.screen = d;
    });
  }

  private async join(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    // A switch can arrive while a join is under way: only the latest answer counts.
    const attempt = ++this.joins;
    const before = { progress: this.progress, screen: this.screen };
    const res = await this.conn.call("session:join", {});
    if (attempt !== this.joins) return;
    if (res.ok) {
      const snap = res.data;
      this.round = snap.round;
      this.state = snap.state;
      // A broadcast newer than the snapshot may have come in while the join was under way.
      this.progress = afterJoin(before.progress, this.progress, snap.progress);
      this.screen = afterJoin(before.screen, this.screen, snap.screen);
      this.publicUrl = snap.publicUrl;
      this.configSha256 = snap.configSha256;
      this.idle = false;
    } else if (res.error === "round_not_found") {
      this.clear();
    } else if (res.error === "unauthorized" || res.error === "forbidden") {
      this.fatal = res.error;
      this.conn.socket.disconnect();
    } else if (this.conn.socket.connected) {
      this.retryTimer = setTimeout(() => void this.join(), JOIN_RETRY_MS);
    }
  }

  private clear(): void {
    this.idle = true;
    this.round = null;
    this.state = null;
    this.progress = null;
    this.screen = null;
  }
}
