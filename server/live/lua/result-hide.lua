-- Take a revealed result back off the projector and out of the revealed set (and so out of
-- the ranking). The field stays with an empty value: the hall has seen the numbers, so
-- scoring for the candidate stays closed (window-open.lua refuses any field present) and
-- the result can be revealed again as it was.
-- KEYS: state, revealed, ranking   ARGV: candidateId
-- Returns {'ok', rankingWasCached ('1'|'0')} or {code}.
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'round_locked'} end
local shown = redis.call('HGET', KEYS[2], ARGV[1])
if not shown or shown == '' then return {'bad_state'} end
redis.call('HSET', KEYS[2], ARGV[1], '')
local state = redis.call('HMGET', KEYS[1], 'screen', 'shown', 'current')
if state[1] == 'result' and state[2] == ARGV[1] then
  redis.call('HSET', KEYS[1], 'screen', state[3] and 'candidate' or 'welcome')
  redis.call('HDEL', KEYS[1], 'shown')
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return {'ok', tostring(redis.call('DEL', KEYS[3]))}
