import type { Redis } from "ioredis";
import type { RoundConfig } from "../../shared/round-file.ts";
import type { LockService } from "../live/lock-service.ts";
import type { AuditStore } from "../platform/audit-store.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { errorFields, type Logger } from "../platform/logger.ts";
import type { Records } from "../services.ts";

/** What the upgrade uses: the old keys, and the stores of one node (services.ts). */
export interface UpgradeDeps {
  redis: Redis;
  keys: RedisKeys;
  records: Records;
  audit: AuditStore;
  locks: LockService;
  logger: Logger;
}

/** The upgrade as a service of the node: main.ts runs it before the node listens. */
export interface LegacyRounds {
  upgrade(): Promise<UpgradeReport>;
}

export function createLegacyRounds(d: UpgradeDeps): LegacyRounds {
  return { upgrade: () => upgradeLegacyRounds(d) };
}

export interface UpgradeReport {
  /** Rounds now in the records (in session, or locked and landed), oldest first. */
  adopted: string[];
  /** Locked rounds whose export this run landed in the records (locks.finishPending). */
  landed: string[];
  /** Rounds left in Redis's old list: see the log for why; the next start tries again. */
  left: string[];
}

/**
 * The first start after a version that kept everything in Redis (before 2026-12, git
 * 1af435d): each round in the old sorted set `rounds` and its `round:<id>:config` moves into
 * the records. A round still open becomes a round in session whose rules are the imported
 * configuration, and keeps its live keys (cards, ballots, windows, state) exactly as they
 * were, so the meeting continues. A locked round is landed as a lock is: its stored export
 * (or, if the old version died before storing it, the one built now from its final ballots)
 * goes into the records with its ballots, evaluations and decisions, then Redis forgets the
 * round, card credentials included (LockService's finish path). Old audit lists are drained
 * like any outbox (audit-store.ts gives entries without an id one taken from their text).
 *
 * Run before the node serves, on every start; a round leaves the old set only once the
 * records hold it, so a second run (or a second node starting at the same moment) finds
 * nothing to do: the records' primary key decides which node adopts a round, landing is
 * idempotent, and every Redis step here deletes or adds what is already so.
 */
async function upgradeLegacyRounds(s: UpgradeDeps): Promise<UpgradeReport> {
  const { redis, keys } = s;
  const report: UpgradeReport = { adopted: [], landed: [], left: [] };
  const legacy = await redis.zrange(keys.rounds, 0, -1, "WITHSCORES");
  let locks = 0;
  for (let i = 0; i < legacy.length; i += 2) {
    const id = legacy[i] ?? "";
    try {
      const outcome = await moveOne(s, id, Number(legacy[i + 1]));
      if (outcome === "left") report.left.push(id);
      else if (outcome.adopted) report.adopted.push(id);
      if (outcome !== "left" && outcome.locked) locks++;
    } catch (err) {
      s.logger.error("round of the older version not moved to the records", {
        roundId: id,
        ...errorFields(err),
      });
      report.left.push(id);
    }
  }
  // Landing them now rather than at the first sweep: the node serves them landed.
  if (locks > 0) report.landed = await s.locks.finishPending();
  if (report.adopted.length > 0 || report.left.length > 0) {
    s.logger.info("rounds of the older version moved to the records", { ...report });
  }
  return report;
}

/**
 * One round of the old set into the records. `adopted`: this run inserted it (not another
 * node, nor an earlier run); `locked`: it waits on the list of locks to land.
 */
async function moveOne(
  s: UpgradeDeps,
  id: string,
  createdMs: number,
): Promise<{ adopted: boolean; locked: boolean } | "left"> {
  const { redis, keys } = s;
  const [raw, state] = await Promise.all([
    redis.get(keys.config(id)),
    redis.hmget(keys.state(id), "status", "createdAt"),
  ]);
  if (raw === null) {
    // Moved by a run that stopped (or by another node) before taking it off the old set:
    // an open round's configuration is gone then, a locked one's went with the landing.
    if (await s.records.rounds.get(id)) {
      await redis.zrem(keys.rounds, id);
      return { adopted: false, locked: false };
    }
    // The older version did not list a round without its configuration either.
    s.logger.warn("round of the older version has no configuration: left as it is", {
      roundId: id,
    });
    return "left";
  }
  const config = JSON.parse(raw) as RoundConfig;
  const createdAt = new Date(state[1] ?? createdMs);
  const audit = s.audit.record({ role: "organizer" }, id, "round:import", { note: "upgrade" });
  const adopted = await s.records.rounds.adopt({ id, config, createdAt }, audit);
  if (adopted === "conflict") {
    s.logger.error("the records hold another round under the id of an older round", {
      roundId: id,
    });
    return "left";
  }
  const locked = state[0] === "locked";
  if (locked) {
    // A lock of the older version: exactly what finishPending lands for a lock of today.
    await redis.sadd(keys.exportsPending, id);
  } else {
    // The rules are the records' now (frozen, with their SHA-256); the live keys stay.
    await redis.unlink(keys.config(id));
    await s.audit.drain(id);
  }
  // The set disappears with its last member (Redis deletes an empty key).
  await redis.zrem(keys.rounds, id);
  return { adopted: adopted === "ok", locked };
}
