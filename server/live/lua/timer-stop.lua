-- Stop the running timer, keeping the time left so it can resume.
-- KEYS: state
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local started = redis.call('HGET', KEYS[1], 'timerStartedAt')
if not started or started == '' then return 'ok' end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local remaining = tonumber(redis.call('HGET', KEYS[1], 'timerRemaining') or '0')
local left = math.max(0, remaining - (now - tonumber(started)))
redis.call('HSET', KEYS[1], 'timerStartedAt', '', 'timerRemaining', left)
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
