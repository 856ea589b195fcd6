-- Issue one ballot card, atomically: the card, its status, the active count of its group
-- and its credential. Returns 0 when the random card id is already taken (retry).
-- KEYS: cards, card-status, active-cards, auth(token hash)
-- ARGV: cardId, cardJson, group, principalJson
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], ARGV[1], 'active')
redis.call('HINCRBY', KEYS[3], ARGV[3], 1)
redis.call('SET', KEYS[4], ARGV[4])
return 1
