-- Switch the projector's view. After the lock the hall may still see the welcome page,
-- the final ranking and the evaluation (and the lock page again), but no live speaker
-- view; the lock page is only for a locked round.
-- KEYS: state   ARGV: view
-- A round whose lock has landed is not in Redis any more: its view is in the records.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'landed' end
local locked = redis.call('HGET', KEYS[1], 'status') ~= 'open'
if locked and ARGV[1] == 'candidate' then return 'round_locked' end
if not locked and ARGV[1] == 'locked' then return 'bad_state' end
redis.call('HSET', KEYS[1], 'screen', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
