import { describe, expect, it } from "vitest";
import { formatClock, timerLeftMs, timerPhase } from "../../client/src/lib/countdown.ts";
import type { TimerState } from "../../shared/protocol/index.ts";

const timer = (t: Partial<TimerState>): TimerState => ({
  kind: "speech",
  durationMs: 300_000,
  startedAt: null,
  remainingMs: 300_000,
  ...t,
});

describe("the countdown on the server's clock", () => {
  it("counts down from the start by server time and never below zero", () => {
    const running = timer({ startedAt: 1_000_000 });
    expect(timerLeftMs(running, 1_000_000)).toBe(300_000);
    expect(timerLeftMs(running, 1_060_500)).toBe(239_500);
    expect(timerLeftMs(running, 2_000_000)).toBe(0);
  });

  it("tells ready, running, paused and over apart", () => {
    expect(timerPhase(timer({}), 0)).toBe("ready");
    expect(timerPhase(timer({ startedAt: 10 }), 20)).toBe("running");
    expect(timerPhase(timer({ remainingMs: 12_000 }), 99)).toBe("paused");
    expect(timerPhase(timer({ startedAt: 0, remainingMs: 1000 }), 1000)).toBe("over");
  });

  it("shows whole seconds rounded up, 00:00 only when time is up", () => {
    expect(formatClock(300_000)).toBe("05:00");
    expect(formatClock(299_200)).toBe("05:00");
    expect(formatClock(59_001)).toBe("01:00");
    expect(formatClock(999)).toBe("00:01");
    expect(formatClock(0)).toBe("00:00");
    expect(formatClock(-5)).toBe("00:00");
  });
});
