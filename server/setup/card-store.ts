import { randomInt } from "node:crypto";
import type { Redis } from "ioredis";
import type { CardInfo } from "../../shared/protocol/index.ts";
import type { RedisKeys } from "../platform/keys.ts";
import { defineScript } from "../platform/lua.ts";
import { newToken, tokenHash } from "../platform/secrets.ts";

/** Card codes are read aloud and typed by people: no 0/O, 1/I/L. */
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

function newCardId(): string {
  let id = "";
  for (let i = 0; i < 7; i++) id += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return id;
}

/** "K7QX3MP" is printed as "K7Q-X3MP" so it is easy to read out. */
export function cardCode(id: string): string {
  return `${id.slice(0, 3)}-${id.slice(3)}`;
}

interface StoredCard {
  group: string;
  token: string;
}

function toInfo(id: string, raw: string, status: string | undefined): CardInfo {
  const card = JSON.parse(raw) as StoredCard;
  return {
    id,
    group: card.group,
    code: cardCode(id),
    status: status === "active" ? "active" : "void",
    token: card.token,
  };
}

/**
 * Anonymous ballot cards. A card knows its group and its secret link; nothing anywhere
 * records who holds it (cards are handed out at the door like paper ballots).
 */
export function createCardStore(redis: Redis, keys: RedisKeys) {
  const issueScript = defineScript(
    redis,
    "card_issue",
    new URL("./lua/card-issue.lua", import.meta.url),
    4,
  );
  const voidScript = defineScript(
    redis,
    "card_void",
    new URL("./lua/card-void.lua", import.meta.url),
    4,
  );

  async function issueOne(roundId: string, group: string): Promise<CardInfo> {
    for (;;) {
      const id = newCardId();
      const token = newToken();
      const card: StoredCard = { group, token };
      const principal = { role: "voter", roundId, cardId: id, group };
      const created = await issueScript(
        [
          keys.cards(roundId),
          keys.cardStatus(roundId),
          keys.activeCards(roundId),
          keys.auth(tokenHash(token)),
        ],
        [id, JSON.stringify(card), group, JSON.stringify(principal)],
      );
      if (created === 1) return { id, group, code: cardCode(id), status: "active", token };
    }
  }

  return {
    async issue(roundId: string, counts: Record<string, number>): Promise<CardInfo[]> {
      const jobs: Promise<CardInfo>[] = [];
      for (const [group, n] of Object.entries(counts)) {
        for (let i = 0; i < n; i++) jobs.push(issueOne(roundId, group));
      }
      return Promise.all(jobs);
    },

    async list(roundId: string): Promise<CardInfo[]> {
      const [cards, status] = await Promise.all([
        redis.hgetall(keys.cards(roundId)),
        redis.hgetall(keys.cardStatus(roundId)),
      ]);
      return Object.entries(cards)
        .map(([id, raw]) => toInfo(id, raw, status[id]))
        .sort((a, b) => a.group.localeCompare(b.group) || (a.id < b.id ? -1 : 1));
    },

    /** One card, read by its id (not by listing every card of the round). */
    async get(roundId: string, cardId: string): Promise<CardInfo | null> {
      const [raw, status] = await Promise.all([
        redis.hget(keys.cards(roundId), cardId),
        redis.hget(keys.cardStatus(roundId), cardId),
      ]);
      return raw ? toInfo(cardId, raw, status ?? undefined) : null;
    },

    /** Voids a card; returns the card or an error code. */
    async void(
      roundId: string,
      cardId: string,
    ): Promise<CardInfo | "card_not_found" | "round_locked"> {
      const card = await this.get(roundId, cardId);
      if (!card) return "card_not_found";
      const res = await voidScript(
        [
          keys.state(roundId),
          keys.cards(roundId),
          keys.cardStatus(roundId),
          keys.activeCards(roundId),
        ],
        [cardId, card.group],
      );
      if (res !== "ok") return res as "card_not_found" | "round_locked";
      return { ...card, status: "void" };
    },

    issueOne,
  };
}

export type CardStore = ReturnType<typeof createCardStore>;
