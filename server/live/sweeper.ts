import { errorFields } from "../platform/logger.ts";
import type { Services } from "../services.ts";
import { announce } from "./broadcast.ts";

/**
 * What a node that died may have left undone, finished by whichever node looks first:
 * every node runs this at start-up and then every `periodMs`. Everything it acts on is in
 * the stores (tally marks past their deadline, locks still to land, audit outboxes to move
 * into the records, locks whose card-keyed writes may still be on disk, and at start-up
 * landed rounds a restored backup left in Redis), so no node holds a responsibility in
 * memory alone.
 */
/**
 * An export left unbuilt is rare, and one that keeps failing its check is rebuilt from
 * scratch each time: every few seconds is soon enough, and keeps a failing one from being
 * rebuilt (and logged) several times a second by every node.
 */
const EXPORT_RETRY_MS = 3000;
/** The audit outboxes move to the records this often. */
const AUDIT_DRAIN_MS = 2000;

export function startSweeper(s: Services, periodMs: number): { stop(): void } {
  let running = false;
  let reconciled = false;
  let exportsTriedAt = Number.NEGATIVE_INFINITY;
  let auditDrainedAt = Number.NEGATIVE_INFINITY;
  const steps: [string, () => Promise<void>][] = [
    [
      // Once, at start-up (until it succeeds): a landed round a restored backup left in Redis.
      "reconcile",
      async () => {
        if (reconciled) return;
        await s.locks.reconcile();
        reconciled = true;
      },
    ],
    ["tally", () => s.tally.sweep()],
    [
      "exports",
      async () => {
        if (Date.now() - exportsTriedAt < EXPORT_RETRY_MS) return;
        exportsTriedAt = Date.now();
        for (const roundId of await s.locks.finishPending()) await announce(s, roundId);
      },
    ],
    [
      "audit",
      async () => {
        if (Date.now() - auditDrainedAt < AUDIT_DRAIN_MS) return;
        auditDrainedAt = Date.now();
        // The rounds in session, and any other round an action wrote an entry for since (an
        // activation of a landed round, say): its outbox is on the set of outboxes to drain.
        const rounds = new Set([
          ...(await s.audit.pending()),
          ...(await s.records.rounds.inSession()),
        ]);
        for (const roundId of rounds) await s.audit.drain(roundId);
      },
    ],
    [
      "disk purge",
      async () => {
        for (const roundId of await s.purge.sweep()) await announce(s, roundId, { state: true });
      },
    ],
  ];

  async function tick(): Promise<void> {
    if (running) return; // a slow Redis: the next tick waits for this one
    running = true;
    for (const [name, step] of steps) {
      try {
        await step();
      } catch (err) {
        s.logger.warn("sweep step failed", { step: name, ...errorFields(err) });
      }
    }
    running = false;
  }

  void tick();
  const timer = setInterval(() => void tick(), periodMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
