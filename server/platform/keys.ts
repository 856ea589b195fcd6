/** Every Redis key of the system, built in one place from the deployment's prefix. */
export function redisKeys(prefix: string) {
  const round = (id: string) => `${prefix}round:${id}:`;
  return {
    /** Every key of one round starts with this (the lock's clean-up deletes them all). */
    roundPrefix: round,
    /** A credential: SHA-256 of the token → the principal it stands for. */
    auth: (tokenHash: string) => `${prefix}auth:${tokenHash}`,
    organizerSecret: `${prefix}secret:organizer`,
    projectorToken: `${prefix}secret:projector`,
    loginAttempts: (bucket: string) => `${prefix}login:${bucket}`,
    /**
     * A version before the records: its round ids by creation time, and each round's
     * configuration; read (and deleted) only by the upgrade (records/upgrade.ts).
     */
    rounds: `${prefix}rounds`,
    activeRound: `${prefix}active-round`,
    config: (id: string) => `${round(id)}config`,
    state: (id: string) => `${round(id)}state`,
    windows: (id: string) => `${round(id)}windows`,
    /** Candidate id → revealed CandidateResult JSON. */
    revealed: (id: string) => `${round(id)}revealed`,
    ranking: (id: string) => `${round(id)}ranking`,
    /** Card id → {group, secret: SHA-256 of its current secret}; the secret is not kept. */
    cards: (id: string) => `${round(id)}cards`,
    cardStatus: (id: string) => `${round(id)}card-status`,
    activeCards: (id: string) => `${round(id)}active-cards`,
    /** A `cards:issue` request id → the cards it made (expires: see card-store.ts). */
    cardRequest: (id: string, requestId: string) => `${round(id)}card-request:${requestId}`,
    /** Card id → the card's current ballot for a candidate (only until the lock). */
    ballots: (id: string, candidate: string) => `${round(id)}ballots:${candidate}`,
    /**
     * Card id → "seq|nonce|receipt|socket" of that ballot (only until the lock); the socket
     * that sent it tells a ballot from another device holding the same card.
     */
    ballotMeta: (id: string, candidate: string) => `${round(id)}ballot-meta:${candidate}`,
    /** Group → number of cards that scored the candidate. */
    scored: (id: string, candidate: string) => `${round(id)}scored:${candidate}`,
    /** Candidate id → `{"at":…,"mark":"withdrawn"|"absent"}` of a candidate marked 弃权/缺席. */
    marks: (id: string) => `${round(id)}marks`,
    /** Card id → the card's abstention (回避) for a candidate, card-less JSON (until the lock). */
    abstentions: (id: string, candidate: string) => `${round(id)}abstentions:${candidate}`,
    /** Card id → "seq|nonce|receipt|socket" of that abstention (until the lock). */
    abstentionMeta: (id: string, candidate: string) => `${round(id)}abstention-meta:${candidate}`,
    /** After the lock: every abstention of an active card, sorted, with no card. */
    finalAbstentions: (id: string) => `${round(id)}final-abstentions`,
    /** Card id → the card's democratic-evaluation choice for a candidate (until the lock). */
    evaluations: (id: string, candidate: string) => `${round(id)}evaluations:${candidate}`,
    /** Card id → "seq|nonce|receipt|socket" of the card's evaluation (until the lock). */
    evaluationMeta: (id: string) => `${round(id)}evaluation-meta`,
    /** Group → number of cards that submitted an evaluation. */
    evaluated: (id: string) => `${round(id)}evaluated`,
    /** Candidate id → CandidateResult with the revealed evaluation. */
    evaluationRevealed: (id: string) => `${round(id)}evaluation-revealed`,
    /** Tie decisions recorded by the chair (JSON list, append only). */
    decisions: (id: string) => `${round(id)}decisions`,
    /** Audit outbox: staff actions on their way to the records (audit-store.ts). */
    audit: (id: string) => `${round(id)}audit`,
    /** Round ids whose audit outbox holds entries not yet in the records: every node drains them. */
    auditPending: `${prefix}audit-pending`,
    /** After the lock: every ballot, sorted, with no card. */
    finalBallots: (id: string) => `${round(id)}final-ballots`,
    finalEvaluations: (id: string) => `${round(id)}final-evaluations`,
    export: (id: string) => `${round(id)}export`,
    /**
     * Locked rounds not yet landed in the records: any node builds the export, lands it and
     * deletes the round's keys (lock-service).
     */
    exportsPending: `${prefix}exports-pending`,
    /** Locked rounds whose card-keyed writes may still be in the append-only file. */
    diskPurgePending: `${prefix}disk-purge-pending`,
    /** The rewrite started for the rounds pending: Redis run id, rewrite number, rounds. */
    diskPurgeRewrite: `${prefix}disk-purge-rewrite`,
    /** Round id → deadline (Redis ms) of its coalesced tally broadcast (tally-feed). */
    tallyDue: `${prefix}tally-due`,
    /** Counter stamped on every progress and screen update of the round, in order. */
    feedVersion: (id: string) => `${round(id)}feed-version`,
  };
}

export type RedisKeys = ReturnType<typeof redisKeys>;
