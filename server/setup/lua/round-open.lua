-- Open a started round's live session in Redis and, when asked, put it on the projector:
-- 'always', 'never', or 'unless-live' = only when the round on the projector is not live
-- (locked, or nothing happened in it yet: no speaker called, no scoring window, no
-- evaluation opened). Opening a round already open changes nothing of its state, so a
-- retried start (or a node finishing one another node began) is harmless.
-- KEYS: state, active-round, then the active round's state and windows (when there is one)
-- ARGV: roundId, startedAtIso, activate, activeRoundId ('' = none)
-- Returns {'ok', activated ('1'|'0')} or {'stale'} when the active round changed meanwhile.
if (redis.call('GET', KEYS[2]) or '') ~= ARGV[4] then return {'stale'} end
local live = false
if ARGV[4] ~= '' and ARGV[4] ~= ARGV[1] then
  local s = redis.call('HMGET', KEYS[3], 'status', 'current', 'evaluation')
  live = s[1] ~= 'locked' and (s[2] ~= false or s[3] ~= false or redis.call('EXISTS', KEYS[4]) == 1)
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'status', 'open', 'screen', 'welcome', 'version', '1',
    'createdAt', ARGV[2])
end
local activate = ARGV[3] == 'always' or (ARGV[3] == 'unless-live' and not live)
if activate then redis.call('SET', KEYS[2], ARGV[1]) end
return {'ok', activate and '1' or '0'}
