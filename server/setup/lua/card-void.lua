-- Void a card: its later ballots are refused; what it cast before stays (an acknowledged
-- ballot is never lost). Returns 'ok', 'card_not_found' or 'round_locked'.
-- KEYS: state, cards, card-status, active-cards
-- ARGV: cardId, group
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return 'round_locked' end
if redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 'card_not_found' end
if redis.call('HGET', KEYS[3], ARGV[1]) == 'active' then
  redis.call('HSET', KEYS[3], ARGV[1], 'void')
  redis.call('HINCRBY', KEYS[4], ARGV[2], -1)
end
return 'ok'
