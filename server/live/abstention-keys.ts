import type { RedisKeys } from "../platform/keys.ts";

/**
 * The Redis keys of abstentions (回避), under the round's prefix like every key of a round
 * (so the lock's clean-up deletes them with the rest). They belong in platform/keys.ts with
 * the others; they are built here from its round prefix until they move there.
 */
export function abstentionKeys(keys: RedisKeys) {
  const round = keys.roundPrefix;
  return {
    /** Card id → the card's abstention for a candidate, card-less JSON (only until the lock). */
    abstentions: (id: string, candidate: string) => `${round(id)}abstentions:${candidate}`,
    /** Card id → "seq|nonce|receipt|socket" of that abstention (only until the lock). */
    abstentionMeta: (id: string, candidate: string) => `${round(id)}abstention-meta:${candidate}`,
    /** After the lock: every abstention of an active card, sorted, with no card. */
    finalAbstentions: (id: string) => `${round(id)}final-abstentions`,
  };
}

export type AbstentionKeys = ReturnType<typeof abstentionKeys>;
