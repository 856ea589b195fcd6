-- Put a round on the projector.
-- KEYS: config(round), active-round   ARGV: roundId
if redis.call('EXISTS', KEYS[1]) == 0 then return 'round_not_found' end
redis.call('SET', KEYS[2], ARGV[1])
return 'ok'
