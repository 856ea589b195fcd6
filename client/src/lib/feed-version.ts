/** An update of one round's feed (progress, screen data), stamped by the server. */
interface Versioned {
  roundId: string;
  version: number;
}

/**
 * Whether an update may replace what the page holds. Updates of a round carry an
 * increasing version from Redis; broadcasts from several nodes and join replies can
 * arrive out of order, and one older than what the page has would show a stale count.
 */
export function supersedes<T extends Versioned>(have: T | null, incoming: T): boolean {
  return have === null || have.roundId !== incoming.roundId || incoming.version >= have.version;
}
