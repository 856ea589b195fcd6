-- Store a revealed result and put it on the screen.
-- KEYS: state, revealed   ARGV: candidateId, resultJson
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[1], 'screen', 'result', 'shown', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
