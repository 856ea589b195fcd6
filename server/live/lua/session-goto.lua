-- Make a candidate the current speaker; the timer starts over for them. A candidate marked
-- 弃权 or 缺席 is not called (candidate-mark.lua).
-- KEYS: state, marks   ARGV: candidateId
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 1 then return 'candidate_marked' end
redis.call('HSET', KEYS[1], 'current', ARGV[1], 'screen', 'candidate')
redis.call('HDEL', KEYS[1], 'timerKind', 'timerDuration', 'timerStartedAt', 'timerRemaining')
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
