import { createHash, randomBytes, randomInt, scryptSync, timingSafeEqual } from "node:crypto";

/** A random URL-safe token (128 bits). */
export function newToken(bytes = 16): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Credentials are looked up by the SHA-256 of the token, never by the token itself: the
 * lookup's timing depends only on a digest an attacker cannot steer, and Redis never holds
 * a usable token for a session.
 */
export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Words for a passphrase a person can read aloud and type: no 0/O, 1/l/I. */
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** 15 characters drawn uniformly (randomInt, not byte % 31, which favours some letters). */
export function newPassphrase(): string {
  let out = "";
  for (let i = 0; i < 15; i++) {
    if (i > 0 && i % 5 === 0) out += "-";
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}

export function hashPassphrase(passphrase: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(passphrase.normalize("NFKC"), salt, 32);
  return `scrypt:${salt.toString("base64")}:${hash.toString("base64")}`;
}

/** Constant-time check of a passphrase against its stored scrypt hash. */
export function verifyPassphrase(passphrase: string, stored: string): boolean {
  const [scheme, saltB64, hashB64] = stored.split(":");
  if (scheme !== "scrypt" || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, "base64");
  const actual = scryptSync(passphrase.normalize("NFKC"), Buffer.from(saltB64, "base64"), 32);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
