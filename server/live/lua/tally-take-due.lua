-- Take every tally mark whose deadline has passed (its node died before broadcasting), so
-- that exactly one sweeping node broadcasts each of those rounds.
-- KEYS: tally-due
-- Returns the round ids taken.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, 100)
for _, roundId in ipairs(due) do redis.call('ZREM', KEYS[1], roundId) end
return due
