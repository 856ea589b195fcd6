-- Make a candidate the current speaker; the timer starts over for them.
-- KEYS: state   ARGV: candidateId
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
redis.call('HSET', KEYS[1], 'current', ARGV[1], 'screen', 'candidate')
redis.call('HDEL', KEYS[1], 'timerKind', 'timerDuration', 'timerStartedAt', 'timerRemaining')
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
