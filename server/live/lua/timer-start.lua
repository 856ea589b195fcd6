-- Start the speech or defense timer, or resume it when it was stopped with time left.
-- Time comes from Redis so that every node agrees on one clock. A current speaker marked
-- 弃权 or 缺席 (candidate-mark.lua) gives no speech: no timer for them.
-- KEYS: state, marks   ARGV: kind, durationMs
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local current = redis.call('HGET', KEYS[1], 'current')
if not current then return 'bad_state' end
if redis.call('HEXISTS', KEYS[2], current) == 1 then return 'candidate_marked' end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local kind = redis.call('HGET', KEYS[1], 'timerKind')
local started = redis.call('HGET', KEYS[1], 'timerStartedAt')
local remaining = tonumber(redis.call('HGET', KEYS[1], 'timerRemaining') or '0')
if kind == ARGV[1] and started and started ~= '' then return 'ok' end
if kind == ARGV[1] and remaining > 0 then
  redis.call('HSET', KEYS[1], 'timerStartedAt', now)
else
  redis.call('HSET', KEYS[1], 'timerKind', ARGV[1], 'timerDuration', ARGV[2],
    'timerStartedAt', now, 'timerRemaining', ARGV[2])
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
