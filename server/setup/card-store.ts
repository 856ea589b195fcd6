import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import { canonicalJson } from "../../shared/canonical-json.ts";
import type { CardInfo, IssuedCard } from "../../shared/protocol/index.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { type AuditWrite, defineAuditedScript, defineScript } from "../platform/lua.ts";
import { newToken, tokenHash } from "../platform/secrets.ts";
import type { RoundRecords } from "../records/round-records.ts";

const lua = (name: string) => new URL(`./lua/${name}.lua`, import.meta.url);

/** Card codes are read aloud and typed by people: no 0/O, 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/**
 * How long a `cards:issue` request id is remembered: long enough for any retry of a lost
 * reply, short enough that a stale repeat cannot give printed cards new codes.
 */
const REQUEST_TTL_SECONDS = 15 * 60;

function newCardId(): string {
  let id = "";
  for (let i = 0; i < 7; i++) id += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return id;
}

/** "K7QX3MP" is printed as "K7Q-X3MP" so it is easy to read out. */
export function cardCode(id: string): string {
  return `${id.slice(0, 3)}-${id.slice(3)}`;
}

/** What Redis keeps of a card: its group and the SHA-256 of its current secret. */
interface StoredCard {
  group: string;
}

const info = (id: string, group: string, active: boolean): CardInfo => ({
  id,
  group,
  code: cardCode(id),
  status: active ? "active" : "void",
});

/** A fresh secret per card: the token for the reply, its hash for the script. */
function secrets(ids: string[]) {
  const tokens = ids.map(() => newToken());
  return { tokens, hashes: tokens.map(tokenHash) };
}

/** Flat script replies `[code, id, group, id, group, …]` as issued cards. */
function issued(flat: string[], tokens: string[]): IssuedCard[] {
  const out: IssuedCard[] = [];
  for (let i = 0; 2 * i + 1 < flat.length; i++) {
    const id = flat[2 * i] ?? "";
    out.push({ ...info(id, flat[2 * i + 1] ?? "", true), token: tokens[i] ?? "" });
  }
  return out;
}

/** `replay`: a retried request, whose cards were given new secrets (the old ones are void). */
type IssueOutcome = { cards: IssuedCard[]; replay: boolean } | "invalid_payload" | "round_locked";
type RotateOutcome = IssuedCard[] | "card_not_found" | "card_void" | "round_locked";
type VoidOutcome = CardInfo | "card_not_found" | "card_void" | "round_locked";

/**
 * Anonymous ballot cards. A card knows its group and the hash of its secret link; nothing
 * anywhere records who holds it (cards are handed out at the door like paper ballots).
 * A secret is seen once, in the reply that made it.
 */
export function createCardStore(redis: Redis, keys: RedisKeys, records: RoundRecords) {
  const issueScript = defineAuditedScript(redis, "card_issue", lua("card-issue"));
  const rotateScript = defineAuditedScript(redis, "card_rotate", lua("card-rotate"));
  const voidScript = defineAuditedScript(redis, "card_void", lua("card-void"));
  const hashSecretScript = defineScript(redis, "card_hash_secret", lua("card-hash-secret"), 1);
  const authPrefix = keys.auth("");

  return {
    /** Issues counts[group] cards per group, once per request id. */
    async issue(
      roundId: string,
      counts: Record<string, number>,
      requestId: string,
      audit: AuditWrite,
    ): Promise<IssueOutcome> {
      const wanted = Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
      const groups = Object.keys(wanted)
        .sort()
        .flatMap((g) => Array<string>(wanted[g] ?? 0).fill(g));
      const request = keys.cardRequest(roundId, requestId);
      for (;;) {
        const ids = groups.map(newCardId);
        const { tokens, hashes } = secrets(ids);
        const perCard = ids.flatMap((id, i) => [id, groups[i] ?? "", hashes[i] ?? ""]);
        const res = (await issueScript(
          [
            keys.cards(roundId),
            keys.cardStatus(roundId),
            keys.activeCards(roundId),
            request,
            keys.state(roundId),
          ],
          [roundId, authPrefix, REQUEST_TTL_SECONDS, canonicalJson(wanted), ...perCard],
          audit,
        )) as string[];
        const [code, ...rest] = res;
        if (code === "request_mismatch") return "invalid_payload";
        if (code === "round_locked") return code;
        // A replay gave the request's cards still active new secrets, in order.
        if (code === "ok" || code === "replay")
          return { cards: issued(rest, tokens), replay: code === "replay" };
        // "collision": a random id was taken; draw again.
      }
    },

    /**
     * Rounds stored by a version before secrets were hashed keep each card's secret in its
     * record (`{ group, token }`). Run at start-up, once the rounds kept in Redis alone are in
     * the records (records/upgrade.ts): in each round in session each such record is replaced
     * by `{ group, secret: sha256(token) }`, which is also the key of the card's credential,
     * so a later reissue deletes the right one. Returns how many records were replaced.
     */
    async hashLegacySecrets(): Promise<number> {
      let replaced = 0;
      for (const roundId of await records.inSession()) {
        const cards = await redis.hgetall(keys.cards(roundId));
        for (const [id, raw] of Object.entries(cards)) {
          const record = JSON.parse(raw) as { group: string; token?: unknown };
          if (typeof record.token !== "string") continue;
          const next = JSON.stringify({ group: record.group, secret: tokenHash(record.token) });
          replaced += Number(await hashSecretScript([keys.cards(roundId)], [id, raw, next]));
        }
      }
      return replaced;
    },

    /** New secrets for active cards (reissue, print again); ballots stay with the card. */
    async rotate(roundId: string, cardIds: string[], audit: AuditWrite): Promise<RotateOutcome> {
      const ids = [...new Set(cardIds)];
      const { tokens, hashes } = secrets(ids);
      const res = (await rotateScript(
        [keys.state(roundId), keys.cards(roundId), keys.cardStatus(roundId)],
        [roundId, authPrefix, ...ids.flatMap((id, i) => [id, hashes[i] ?? ""])],
        audit,
      )) as string[];
      const [code, ...groupsOf] = res;
      if (code !== "ok") return code as Exclude<RotateOutcome, IssuedCard[]>;
      return ids.map((id, i) => ({ ...info(id, groupsOf[i] ?? "", true), token: tokens[i] ?? "" }));
    },

    /** Voids a card and withdraws its ballots and evaluation from the count. */
    async void(
      roundId: string,
      cardId: string,
      candidateIds: string[],
      audit: AuditWrite,
    ): Promise<VoidOutcome> {
      const res = (await voidScript(
        [
          keys.state(roundId),
          keys.cards(roundId),
          keys.cardStatus(roundId),
          keys.activeCards(roundId),
          keys.evaluationMeta(roundId),
          keys.evaluated(roundId),
          ...candidateIds.flatMap((c) => [
            keys.ballots(roundId, c),
            keys.ballotMeta(roundId, c),
            keys.scored(roundId, c),
            keys.evaluations(roundId, c),
            keys.abstentions(roundId, c),
            keys.abstentionMeta(roundId, c),
          ]),
        ],
        [cardId],
        audit,
      )) as string;
      if (res !== "ok") return res as Exclude<VoidOutcome, CardInfo>;
      const raw = await redis.hget(keys.cards(roundId), cardId);
      return info(cardId, raw ? (JSON.parse(raw) as StoredCard).group : "", false);
    },

    /** "active", "void", or null for a card the round does not have (or no longer holds). */
    async status(roundId: string, cardId: string): Promise<string | null> {
      return redis.hget(keys.cardStatus(roundId), cardId);
    },

    async list(roundId: string): Promise<CardInfo[]> {
      const [cards, status] = await Promise.all([
        redis.hgetall(keys.cards(roundId)),
        redis.hgetall(keys.cardStatus(roundId)),
      ]);
      return Object.entries(cards)
        .map(([id, raw]) =>
          info(id, (JSON.parse(raw) as StoredCard).group, status[id] === "active"),
        )
        .sort((a, b) => a.group.localeCompare(b.group) || (a.id < b.id ? -1 : 1));
    },
  };
}

export type CardStore = ReturnType<typeof createCardStore>;
