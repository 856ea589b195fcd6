import type { Redis } from "ioredis";
import { sql } from "kysely";
import type { AppServer } from "./app-types.ts";
import { type BallotStore, createBallotStore } from "./live/ballot-store.ts";
import { createDecisionStore, type DecisionStore } from "./live/decision-store.ts";
import { createDiskPurge, type DiskPurge } from "./live/disk-purge.ts";
import { createLockService, type LockService } from "./live/lock-service.ts";
import { createResultService, type ResultService } from "./live/result-service.ts";
import { createRevealService, type RevealService } from "./live/reveal-service.ts";
import { createSessionStore, type SessionStore } from "./live/session-store.ts";
import { createTallyFeed, type TallyFeed, tallyDueInMs } from "./live/tally-feed.ts";
import { type AuditStore, createAuditStore } from "./platform/audit-store.ts";
import { type AuthStore, createAuthStore } from "./platform/auth-store.ts";
import { type RedisKeys, redisKeys } from "./platform/keys.ts";
import type { Logger } from "./platform/logger.ts";
import { createLoginLimiter, type LoginLimiter } from "./platform/login-limiter.ts";
import {
  type ApplicationRecords,
  createApplicationRecords,
} from "./records/application-records.ts";
import { type AuditRecords, createAuditRecords } from "./records/audit-records.ts";
import type { Db } from "./records/db.ts";
import { createDrawRecords, type DrawRecords } from "./records/draw-records.ts";
import { createPostRecords, type PostRecords } from "./records/post-records.ts";
import { createQuestionRecords, type QuestionRecords } from "./records/question-records.ts";
import { createRegisterRecords, type RegisterRecords } from "./records/register-records.ts";
import { createReviewCompose, type ReviewCompose } from "./records/review-compose.ts";
import { createRoundRecords, type RoundRecords } from "./records/round-records.ts";
import { createLegacyRounds, type LegacyRounds } from "./records/upgrade.ts";
import { type CardStore, createCardStore } from "./setup/card-store.ts";
import { createRoundStore, type RoundStore } from "./setup/round-store.ts";

/** The records in PostgreSQL, behind their store interfaces (server/records/). */
export interface Records {
  rounds: RoundRecords;
  audit: AuditRecords;
  register: RegisterRecords;
  posts: PostRecords;
  applications: ApplicationRecords;
  /** The review's closing, which composes the draft's candidates, and its outcome. */
  review: ReviewCompose;
  draws: DrawRecords;
  questions: QuestionRecords;
}

/** Everything a handler may use; built once per node from the injected clients. */
export interface Services {
  /** Key names (for tests and scripts that inspect Redis); handlers use the stores. */
  keys: RedisKeys;
  /** Whether each store answers (GET /healthz). */
  health(): Promise<{ redis: boolean; records: boolean }>;
  io: AppServer;
  logger: Logger;
  publicUrl: () => string;
  auth: AuthStore;
  logins: LoginLimiter;
  audit: AuditStore;
  records: Records;
  rounds: RoundStore;
  cards: CardStore;
  sessions: SessionStore;
  ballots: BallotStore;
  decisions: DecisionStore;
  results: ResultService;
  reveals: RevealService;
  locks: LockService;
  purge: DiskPurge;
  tally: TallyFeed;
  /** Rounds of a version that kept them in Redis alone, moved into the records at start-up. */
  legacy: LegacyRounds;
}

export interface ServiceOptions {
  redis: Redis;
  db: Db;
  keyPrefix: string;
  io: AppServer;
  logger: Logger;
  publicUrl: () => string;
  /** Delay of coalesced tally broadcasts. */
  tallyIntervalMs: number;
}

export function createServices(o: ServiceOptions): Services {
  const keys = redisKeys(o.keyPrefix);
  const records: Records = {
    rounds: createRoundRecords(o.db),
    audit: createAuditRecords(o.db),
    register: createRegisterRecords(o.db),
    posts: createPostRecords(o.db),
    applications: createApplicationRecords(o.db),
    review: createReviewCompose(o.db),
    draws: createDrawRecords(o.db),
    questions: createQuestionRecords(o.db),
  };
  const rounds = createRoundStore(o.redis, keys, records.rounds);
  const ballots = createBallotStore(o.redis, keys, tallyDueInMs(o.tallyIntervalMs));
  const decisions = createDecisionStore(o.redis, keys);
  const audit = createAuditStore(o.redis, keys, records.audit);
  const sessions = createSessionStore(o.redis, keys, records.rounds);
  const locks = createLockService({
    redis: o.redis,
    keys,
    rounds,
    records: records.rounds,
    ballots,
    decisions,
    logger: o.logger,
    drainAudit: (roundId) => audit.drain(roundId),
    async finalState(roundId, candidateIds) {
      const { serverNow: _, ...state } = await sessions.read(roundId);
      const progress = await ballots.progress(roundId, candidateIds);
      return { state: { ...state, archiving: false, exporting: false }, progress };
    },
  });
  return {
    keys,
    async health() {
      const [redis, records] = await Promise.all([
        o.redis.ping().then(
          (r) => r === "PONG",
          () => false,
        ),
        sql`select 1`.execute(o.db).then(
          () => true,
          () => false,
        ),
      ]);
      return { redis, records };
    },
    io: o.io,
    logger: o.logger,
    publicUrl: o.publicUrl,
    auth: createAuthStore(o.redis, keys),
    logins: createLoginLimiter(o.redis, keys),
    audit,
    records,
    rounds,
    cards: createCardStore(o.redis, keys, records.rounds),
    sessions,
    ballots,
    decisions,
    results: createResultService(o.redis, keys, locks.readExport, decisions),
    reveals: createRevealService(o.redis, keys, locks.readExport, records.rounds),
    locks,
    purge: createDiskPurge(o.redis, keys, o.logger),
    tally: createTallyFeed(o.io, o.redis, keys, rounds, ballots, o.tallyIntervalMs, o.logger),
    legacy: createLegacyRounds({ redis: o.redis, keys, records, audit, locks, logger: o.logger }),
  };
}
