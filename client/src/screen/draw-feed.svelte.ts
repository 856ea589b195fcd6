import type { ErrorCode } from "../../../shared/errors.ts";
import type { PublicDraw } from "../../../shared/protocol/draws.ts";

/** `?draw=ROUND/N` in the projector's address: the draw page instead of the session. */
export function drawRef(): { roundId: string; drawId: number } | null {
  const raw = new URLSearchParams(location.search).get("draw");
  const m = raw ? /^([A-Za-z0-9_-]{1,40})\/([1-9][0-9]{0,6})$/.exec(raw) : null;
  return m?.[1] && m[2] ? { roundId: m[1], drawId: Number(m[2]) } : null;
}

/** While the witnesses' numbers are awaited, the page looks every POLL_MS; once drawn, seldom. */
const POLL_MS = 2000;
const DRAWN_POLL_MS = 15_000;

/**
 * A public draw as the hall follows it (docs/draw.md): read over HTTP, without a token,
 * because a draw is held before the session, when the round is a draft with no live session
 * for the projector to join. It changes twice at most (drawn, then perhaps replaced), so a
 * look every two seconds while it waits is all the live feed it needs.
 */
export class DrawFeed {
  draw = $state.raw<PublicDraw | null>(null);
  error = $state<ErrorCode | null>(null);
  online = $state(true);
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly ref: { roundId: string; drawId: number }) {
    void this.look();
  }

  private async look(): Promise<void> {
    const { roundId, drawId } = this.ref;
    try {
      const res = await fetch(`/api/rounds/${encodeURIComponent(roundId)}/draws/${drawId}`, {
        cache: "no-store",
      });
      const body = (await res.json()) as { ok: boolean; data?: PublicDraw; error?: ErrorCode };
      this.online = true;
      if (body.ok && body.data) {
        this.draw = body.data;
        this.error = null;
      } else {
        this.error = body.error ?? "internal";
      }
    } catch {
      this.online = false;
    }
    const wait = this.draw?.record ? DRAWN_POLL_MS : POLL_MS;
    this.timer = setTimeout(() => void this.look(), wait);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}
