import type { Redis } from "ioredis";
import { fail, ok, type Result } from "../../shared/errors.ts";
import type { RoundSummary } from "../../shared/protocol/index.ts";
import { type RoundConfig, RoundFile } from "../../shared/round-file.ts";
import { roundFileIssues } from "../../shared/round-file-issues.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";
import type { AuditRecord } from "../records/audit-records.ts";
import type { FrozenRound, RoundKind, RoundRecords } from "../records/round-records.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/** Whether a started round takes the projector: yes, no, or only when no other round is live. */
export type ActivateMode = "always" | "never" | "unless-live";

export interface Started {
  sha256: string;
  activated: boolean;
}

/**
 * Rounds: the records (PostgreSQL) hold each round and its life cycle; a started round's
 * live session is in Redis. The frozen rules never change, so a node loads them once
 * (records.frozen caches them) and the ballot path never reads the records.
 */
export function createRoundStore(redis: Redis, keys: RedisKeys, records: RoundRecords) {
  const openScript = defineScript(redis, "round_open", lua("round-open"));
  const activateScript = defineAuditedScript(redis, "round_activate", lua("round-activate"));

  /** Opens the live session (idempotent) and takes the projector as asked. */
  async function openLive(id: string, startedAt: string, mode: ActivateMode): Promise<boolean> {
    // The script checks the active round it was given is still the active one; another
    // start or activation in between means reading it again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const active = (await redis.get(keys.activeRound)) ?? "";
      const liveKeys = active ? [keys.state(active), keys.windows(active)] : [];
      const [code, activated] = (await openScript(
        [keys.state(id), keys.activeRound, ...liveKeys],
        [id, startedAt, mode, active],
      )) as string[];
      if (code === "ok") return activated === "1";
    }
    throw new Error("the active round kept changing during a start");
  }

  return {
    createDraft: (id: string, kind: RoundKind, config: RoundConfig, audit: AuditRecord) =>
      records.createDraft({ id, kind, config }, audit),
    replaceDraft: (id: string, config: RoundConfig, audit: AuditRecord) =>
      records.replaceDraft(id, config, audit),
    draftConfig: (id: string) => records.draftConfig(id),
    reviseRules: records.reviseRules.bind(records),
    remove: (id: string, audit: AuditRecord) => records.remove(id, audit),
    archive: (id: string, audit: AuditRecord) => records.archive(id, audit),
    record: (id: string) => records.get(id),

    /** Freezes the draft's rules and opens its live session; a started round just opens. */
    async start(id: string, mode: ActivateMode, audit: AuditRecord): Promise<Result<Started>> {
      const started = await records.start(id, audit, (config) => {
        const whole = RoundFile.safeParse(config);
        return whole.success ? null : roundFileIssues(config, whole.error.issues.slice(0, 20));
      });
      if (started === "round_not_found") return fail("round_not_found");
      if (started.code === "incomplete") return fail("invalid_round_file", started.problem);
      const record = await records.get(id);
      if (!record?.startedAt) return fail("round_not_found");
      if (record.status === "locked") return fail("round_locked");
      // Started before: only make sure its live session exists; the projector moves only
      // when asked outright.
      const asked = started.code === "already" ? (mode === "always" ? mode : "never") : mode;
      const activated = await openLive(id, record.startedAt, asked);
      return ok({ sha256: started.round.sha256, activated });
    },

    /** The frozen rules of a started round; null for a draft or an unknown round. */
    async config(id: string): Promise<RoundConfig | null> {
      return (await records.frozen(id))?.config ?? null;
    },

    frozen: (id: string): Promise<FrozenRound | null> => records.frozen(id),

    /** The round list: one query of the records, and one Redis round trip for liveness. */
    async list(opts: { archived?: boolean } = {}): Promise<RoundSummary[]> {
      const [rows, active] = await Promise.all([records.list(opts), redis.get(keys.activeRound)]);
      const inSession = rows.filter((r) => r.status === "session");
      const pipe = redis.pipeline();
      for (const r of inSession) pipe.hmget(keys.state(r.id), "status", "current", "evaluation");
      if (active) pipe.exists(keys.windows(active));
      const replies = ((await pipe.exec()) ?? []).map(([, v]) => v);
      const live = new Map(
        inSession.map((r, i) => [r.id, (replies[i] as (string | null)[]) ?? []]),
      );
      const activeWindows = active ? replies[inSession.length] === 1 : false;
      return rows.map((r) => {
        const state = live.get(r.id);
        const lockedLive = state?.[0] === "locked";
        return {
          id: r.id,
          title: r.title,
          kind: r.kind,
          status: lockedLive ? "locked" : r.status,
          archiving: lockedLive,
          archived: r.archivedAt !== null,
          configSha256: r.configSha256,
          createdAt: r.createdAt,
          startedAt: r.startedAt,
          lockedAt: r.lockedAt,
          active: r.id === active,
          // The same rule as round-open.lua: something happened and it is not locked.
          live:
            r.id === active &&
            state !== undefined &&
            !lockedLive &&
            (state[1] !== null || state[2] !== null || activeWindows),
          digest: r.digest,
        };
      });
    },

    /**
     * Why a live command finds no round to act on: it is still a draft (start it first), or
     * there is no such round.
     */
    async missing(id: string): Promise<"round_not_started" | "round_not_found"> {
      return (await records.get(id))?.status === "draft" ? "round_not_started" : "round_not_found";
    },

    /** A started round (in session or locked): one the live commands may act on. */
    async exists(id: string): Promise<boolean> {
      return (await records.frozen(id)) !== null;
    },

    activeId: () => redis.get(keys.activeRound),

    async activate(id: string, audit: AuditWrite): Promise<"ok" | "round_not_found"> {
      if (!(await records.frozen(id))) return "round_not_found";
      return (await activateScript([keys.activeRound], [id], audit)) as "ok";
    },
  };
}

export type RoundStore = ReturnType<typeof createRoundStore>;
