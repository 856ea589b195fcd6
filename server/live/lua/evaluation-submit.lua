-- Store a card's democratic evaluation (one choice per candidate, blanks allowed) with
-- every check in the same atomic step, like a speech ballot. Each candidate's choice is
-- kept per candidate, keyed by card, so a revision replaces it and a blank removes it. A
-- choice for a candidate marked 弃权 or 缺席 is refused (invalid_choices): they are not in
-- the evaluation, and candidate-mark.lua refuses to mark one who has a choice.
-- KEYS: state, card-status, eval-meta, evaluated, tally-due, marks, then one eval(c) per
--       candidate
-- ARGV: cardId, nonce, seq, receipt, group, tallyDueInMs, roundId, socketId, then per
--       candidate the ballot JSON or '' for blank (same order as the KEYS)
-- Returns {code} or {'ok'|'duplicate', receipt, flushNeeded(0|1), replaced(0|1)}; replaced
-- is 1 when the evaluation it replaced came from another socket (maybe another device).
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'round_locked'} end
if redis.call('HGET', KEYS[1], 'evaluation') ~= 'open' then return {'evaluation_closed'} end
if redis.call('HGET', KEYS[2], ARGV[1]) ~= 'active' then return {'card_void'} end
for i = 7, #KEYS do
  local ballot = ARGV[i + 2]
  if ballot ~= '' and redis.call('HEXISTS', KEYS[6], cjson.decode(ballot).candidate) == 1 then
    return {'invalid_choices'}
  end
end
local prev = redis.call('HGET', KEYS[3], ARGV[1])
local replaced = 0
if prev then
  local seq, nonce, receipt, socket = string.match(prev, '^(%d+)|([^|]+)|([^|]+)|?(.*)$')
  if nonce == ARGV[2] then return {'duplicate', receipt, 0, 0} end
  if tonumber(ARGV[3]) <= tonumber(seq) then return {'stale_revision'} end
  if socket ~= ARGV[8] then replaced = 1 end
else
  redis.call('HINCRBY', KEYS[4], ARGV[5], 1)
end
for i = 7, #KEYS do
  local ballot = ARGV[i + 2]
  if ballot == '' then
    redis.call('HDEL', KEYS[i], ARGV[1])
  else
    redis.call('HSET', KEYS[i], ARGV[1], ballot)
  end
end
redis.call('HSET', KEYS[3], ARGV[1], ARGV[3] .. '|' .. ARGV[2] .. '|' .. ARGV[4] .. '|' .. ARGV[8])
local t = redis.call('TIME')
local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[6])
local flush = redis.call('ZADD', KEYS[5], 'NX', due, ARGV[7])
return {'ok', ARGV[4], flush, replaced}
