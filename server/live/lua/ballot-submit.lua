-- Store a card's speech ballot for a candidate, atomically with every check, so a ballot
-- racing the lock or the closing of scoring either lands whole before it or is refused.
-- A re-send of the same ballot (same nonce) returns the stored receipt and counts once;
-- a revision (higher seq) replaces the card's previous ballot.
-- KEYS: state, windows, card-status, ballots(c), ballot-meta(c), scored(c), tally-due
-- ARGV: cardId, candidateId, ballotJson, nonce, seq, receipt, group, tallyDueInMs, roundId,
--       socketId
-- Returns {code} or {'ok'|'duplicate', receipt, flushNeeded(0|1), replaced(0|1)}; replaced
-- is 1 when the ballot it replaced came from another socket (maybe another device).
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'round_locked'} end
if redis.call('HGET', KEYS[2], ARGV[2]) ~= 'open' then return {'scoring_closed'} end
if redis.call('HGET', KEYS[3], ARGV[1]) ~= 'active' then return {'card_void'} end
local prev = redis.call('HGET', KEYS[5], ARGV[1])
local replaced = 0
if prev then
  local seq, nonce, receipt, socket = string.match(prev, '^(%d+)|([^|]+)|([^|]+)|?(.*)$')
  if nonce == ARGV[4] then return {'duplicate', receipt, 0, 0} end
  if tonumber(ARGV[5]) <= tonumber(seq) then return {'stale_revision'} end
  if socket ~= ARGV[10] then replaced = 1 end
else
  redis.call('HINCRBY', KEYS[6], ARGV[7], 1)
end
redis.call('HSET', KEYS[4], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[5], ARGV[1], ARGV[5] .. '|' .. ARGV[4] .. '|' .. ARGV[6] .. '|' .. ARGV[10])
-- The first ballot after a tally broadcast marks the next one due (tally-feed.ts).
local t = redis.call('TIME')
local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[8])
local flush = redis.call('ZADD', KEYS[7], 'NX', due, ARGV[9])
return {'ok', ARGV[6], flush, replaced}
