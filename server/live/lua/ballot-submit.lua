-- Store a card's speech ballot for a candidate, or its abstention (回避) instead, atomically
-- with every check, so a ballot racing the lock or the closing of scoring either lands whole
-- before it or is refused. The two are one slot per card and candidate: a re-send of the
-- same submission (same nonce) returns the stored receipt and counts once; a revision
-- (higher seq) replaces the card's previous ballot or abstention, whichever it was.
-- Abstentions and their meta live in hashes of their own, so that a ballot's hashes and its
-- count (`scored`) hold ballots only, as the card void expects; abstentions are counted when
-- read, over active cards (abstention-count.lua).
-- KEYS: state, windows, card-status, ballots(c), ballot-meta(c), scored(c), tally-due,
--       abstentions(c), abstention-meta(c)
-- ARGV: cardId, candidateId, slotJson (the ballot or the abstention), nonce, seq, receipt,
--       group, tallyDueInMs, roundId, socketId, kind ('ballot' | 'abstain')
-- Returns {code} or {'ok'|'duplicate', receipt, flushNeeded(0|1), replaced(0|1)}; replaced
-- is 1 when the submission it replaced came from another socket (maybe another device).
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return {'round_locked'} end
if redis.call('HGET', KEYS[2], ARGV[2]) ~= 'open' then return {'scoring_closed'} end
if redis.call('HGET', KEYS[3], ARGV[1]) ~= 'active' then return {'card_void'} end
local card, group = ARGV[1], ARGV[7]
local prev = redis.call('HGET', KEYS[5], card) or redis.call('HGET', KEYS[9], card)
local replaced = 0
if prev then
  local seq, nonce, receipt, socket = string.match(prev, '^(%d+)|([^|]+)|([^|]+)|?(.*)$')
  if nonce == ARGV[4] then return {'duplicate', receipt, 0, 0} end
  if tonumber(ARGV[5]) <= tonumber(seq) then return {'stale_revision'} end
  if socket ~= ARGV[10] then replaced = 1 end
end
local meta = ARGV[5] .. '|' .. ARGV[4] .. '|' .. ARGV[6] .. '|' .. ARGV[10]
if ARGV[11] == 'abstain' then
  redis.call('HSET', KEYS[8], card, ARGV[3])
  redis.call('HSET', KEYS[9], card, meta)
  redis.call('HDEL', KEYS[5], card)
  if redis.call('HDEL', KEYS[4], card) == 1 then redis.call('HINCRBY', KEYS[6], group, -1) end
else
  if redis.call('HSET', KEYS[4], card, ARGV[3]) == 1 then
    redis.call('HINCRBY', KEYS[6], group, 1)
  end
  redis.call('HSET', KEYS[5], card, meta)
  redis.call('HDEL', KEYS[8], card)
  redis.call('HDEL', KEYS[9], card)
end
-- The first submission after a tally broadcast marks the next one due (tally-feed.ts).
local t = redis.call('TIME')
local due = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000) + tonumber(ARGV[8])
local flush = redis.call('ZADD', KEYS[7], 'NX', due, ARGV[9])
return {'ok', ARGV[6], flush, replaced}
