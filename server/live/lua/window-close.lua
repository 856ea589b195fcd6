-- Close scoring for a candidate: from here every ballot for them is refused.
-- KEYS: state, windows   ARGV: candidateId
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local w = redis.call('HGET', KEYS[2], ARGV[1])
-- Already closed (a second click): nothing happened, so nothing is audited.
if w == 'closed' then return 'unchanged' end
if w ~= 'open' then return 'bad_state' end
redis.call('HSET', KEYS[2], ARGV[1], 'closed')
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
