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

/**
 * What a join reply leaves the page with. The reply replaces what the page held before it
 * asked, whatever the versions: after a Redis reset they start again lower, and a page
 * that kept its old, higher one would drop every update from then on. Only an update that
 * arrived while the join was under way (`now` is no longer `before`) and is newer than the
 * reply is kept instead.
 */
export function afterJoin<T extends Versioned>(before: T | null, now: T | null, reply: T | null) {
  const arrivedMeanwhile = now !== before ? now : null;
  if (arrivedMeanwhile && (!reply || !supersedes(arrivedMeanwhile, reply))) return arrivedMeanwhile;
  return reply;
}
