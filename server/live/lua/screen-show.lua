-- Switch the projector's view.
-- KEYS: state   ARGV: view
redis.call('HSET', KEYS[1], 'screen', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
