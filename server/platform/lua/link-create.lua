-- Store a chair or observer link's credential for a round in session.
-- KEYS: state(round), auth(tokenHash)
-- ARGV: principalJson
if redis.call('EXISTS', KEYS[1]) == 0 then return 'round_not_found' end
redis.call('SET', KEYS[2], ARGV[1])
return 'ok'
