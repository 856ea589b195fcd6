import { createHash, randomInt } from "node:crypto";

const ID_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A new round's id: "r" and seven letters or digits that cannot be misread (no 0/o, 1/l/i). */
export function newRoundId(): string {
  let id = "r";
  for (let i = 0; i < 7; i++) id += ID_ALPHABET[randomInt(ID_ALPHABET.length)];
  return id;
}

/**
 * The id of the round a `round:create` request makes: derived from its request id, so a
 * retried request (its reply lost on a hall's Wi-Fi) names the same round and makes none.
 */
export function roundIdFor(requestId: string): string {
  const hash = createHash("sha256").update(`round:create\n${requestId}`).digest();
  let id = "r";
  for (let i = 0; i < 7; i++) id += ID_ALPHABET[(hash[i] ?? 0) % ID_ALPHABET.length];
  return id;
}
