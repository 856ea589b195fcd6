-- Put a round on the projector (the caller checked that the records know it as started).
-- KEYS: active-round   ARGV: roundId
redis.call('SET', KEYS[1], ARGV[1])
return 'ok'
