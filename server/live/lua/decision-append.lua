-- Record a tie decision unless the round is locked, in one step: the lock builds the export
-- from the decisions stored before it, so a decision racing the lock is either in the
-- export or refused, never stored after it. Audited (defineAuditedScript).
-- KEYS: state, decisions   ARGV: decisionJson
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return 'round_locked' end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
