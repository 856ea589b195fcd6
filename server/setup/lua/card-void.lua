-- Void a card: withdraw its speech ballots and its democratic evaluation from the count
-- (the per-group counts drop with them) and refuse everything it sends from now on. Its
-- credential stays, so a phone that opens the card's link is told that it was voided.
-- KEYS: state, cards, card-status, active-cards, eval-meta, evaluated,
--       then per candidate: ballots(c), ballot-meta(c), scored(c), eval(c), abstentions(c),
--       abstention-meta(c)
-- ARGV: cardId
-- Returns 'ok', 'round_locked', 'card_not_found' or 'card_void' (already void).
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local raw = redis.call('HGET', KEYS[2], ARGV[1])
if not raw then return 'card_not_found' end
if redis.call('HGET', KEYS[3], ARGV[1]) ~= 'active' then return 'card_void' end
local group = cjson.decode(raw).group
redis.call('HSET', KEYS[3], ARGV[1], 'void')
redis.call('HINCRBY', KEYS[4], group, -1)

local evaluated = redis.call('HDEL', KEYS[5], ARGV[1]) == 1
if evaluated then redis.call('HINCRBY', KEYS[6], group, -1) end
-- An abstention is counted from the active cards' entries (abstention-reads.ts): deleting
-- it here keeps nothing of a void card's choices until the lock.
for i = 7, #KEYS, 6 do
  redis.call('HDEL', KEYS[i], ARGV[1])
  if redis.call('HDEL', KEYS[i + 1], ARGV[1]) == 1 then
    redis.call('HINCRBY', KEYS[i + 2], group, -1)
  end
  redis.call('HDEL', KEYS[i + 3], ARGV[1])
  redis.call('HDEL', KEYS[i + 4], ARGV[1])
  redis.call('HDEL', KEYS[i + 5], ARGV[1])
end
return 'ok'
