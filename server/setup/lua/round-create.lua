-- Store an imported round and, when asked, put it on the projector: 'always', 'never', or
-- 'unless-live' = only when the round on the projector is not live (locked, or nothing
-- happened in it yet: no speaker called, no scoring window, no evaluation opened).
-- KEYS: config, state, rounds, active-round, then the active round's state and windows
--       (when there is one)
-- ARGV: roundId, configJson, createdAtIso, createdAtMs, activate, activeRoundId ('' = none)
-- Returns {'ok', activated ('1'|'0')} or {'stale'} when the active round changed meanwhile.
if (redis.call('GET', KEYS[4]) or '') ~= ARGV[6] then return {'stale'} end
local live = false
if ARGV[6] ~= '' then
  local s = redis.call('HMGET', KEYS[5], 'status', 'current', 'evaluation')
  live = s[1] ~= 'locked' and (s[2] ~= false or s[3] ~= false or redis.call('EXISTS', KEYS[6]) == 1)
end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('HSET', KEYS[2], 'status', 'open', 'screen', 'welcome', 'version', '1', 'createdAt', ARGV[3])
redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
local activate = ARGV[5] == 'always' or (ARGV[5] == 'unless-live' and not live)
if activate then redis.call('SET', KEYS[4], ARGV[1]) end
return {'ok', activate and '1' or '0'}
