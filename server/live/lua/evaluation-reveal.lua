-- Take every evaluation ballot once the evaluation is closed, and mark it revealed in the
-- same step so it can no longer be reopened.
-- KEYS: state, then one eval(c) per candidate   Returns {code} or {'ok', ballot, ...}.
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return {'round_locked'} end
local w = redis.call('HGET', KEYS[1], 'evaluation') or 'pending'
if w ~= 'closed' then return {w == 'open' and 'scoring_still_open' or 'bad_state'} end
redis.call('HSET', KEYS[1], 'evaluationRevealed', '1', 'screen', 'evaluation')
redis.call('HINCRBY', KEYS[1], 'version', 1)
local out = {'ok'}
for i = 2, #KEYS do
  for _, v in ipairs(redis.call('HVALS', KEYS[i])) do out[#out + 1] = v end
end
return out
