import type { RedisKeys } from "../platform/keys.ts";

/**
 * The Redis key of the marks (弃权, 缺席), under the round's prefix like every key of a round
 * (so the lock's clean-up deletes it with the rest). It belongs in platform/keys.ts with the
 * others; it is built here from its round prefix until it moves there.
 */
export function markKeys(keys: RedisKeys) {
  return {
    /** Candidate id → `{"at":…,"mark":"withdrawn"|"absent"}` of a marked candidate. */
    marks: (id: string) => `${keys.roundPrefix(id)}marks`,
  };
}
