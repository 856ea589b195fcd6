import { describe, expect, it } from "vitest";
import {
  formatClock,
  formatElapsed,
  timerLeftMs,
  timerOvertimeMs,
  timerPhase,
} from "../../client/src/lib/countdown.ts";
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
    // The client's estimate of the server clock may trail the start by a few ms.
    expect(timerLeftMs(running, 999_950)).toBe(300_000);
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

  it("counts the overtime up past zero while the timer runs, by the server's clock", () => {
    const running = timer({ startedAt: 1_000_000, remainingMs: 10_000 });
    expect(timerOvertimeMs(running, 1_009_999)).toBe(0);
    expect(timerOvertimeMs(running, 1_010_000)).toBe(0);
    expect(timerOvertimeMs(running, 1_022_400)).toBe(12_400);
    // Stopped, the timer holds what was left; there is no overrun to count.
    expect(timerOvertimeMs(timer({ remainingMs: 0 }), 5_000_000)).toBe(0);
  });

  it("shows the overtime as m:ss of whole seconds gone by", () => {
    expect(formatElapsed(0)).toBe("0:00");
    expect(formatElapsed(999)).toBe("0:00");
    expect(formatElapsed(12_400)).toBe("0:12");
    expect(formatElapsed(75_000)).toBe("1:15");
    expect(formatElapsed(-20)).toBe("0:00");
  });
});
