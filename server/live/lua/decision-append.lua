-- Record a tie decision unless the round is locked, in one step: the lock builds the export
-- from the decisions stored before it, so a decision racing the lock is either in the
-- export or refused, never stored after it. Likewise a decision racing the reopening of
-- scoring for one of the tied candidates (window-open.lua voids the decisions stored
-- before it) is refused: the tie it was taken on may be about to change. Audited
-- (defineAuditedScript).
-- KEYS: state, decisions, windows   ARGV: decisionJson, then the tied candidate ids
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
for i = 2, #ARGV do
  if redis.call('HGET', KEYS[3], ARGV[i]) ~= 'closed' then return 'invalid_decision' end
end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
