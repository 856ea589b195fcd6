/**
 * The checksum people read of a round's frozen rules (RoundSummary.configSha256): the first
 * 16 hex digits of the SHA-256 in groups of four, short enough to read out in the hall and
 * compare with the chair console and the projector. Pages keep the full value at hand (a
 * title attribute) for anyone who wants to check all 64.
 */
export function shortChecksum(sha256: string): string {
  return (sha256.slice(0, 16).match(/.{1,4}/g) ?? []).join(" ");
}
