-- Open scoring for a candidate. A candidate whose result was revealed stays closed: the
-- hall has seen the result, so it can no longer change.
-- KEYS: state, windows, revealed   ARGV: candidateId
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return 'round_locked' end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'bad_state' end
if redis.call('HGET', KEYS[2], ARGV[1]) == 'open' then return 'ok' end
redis.call('HSET', KEYS[2], ARGV[1], 'open')
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
