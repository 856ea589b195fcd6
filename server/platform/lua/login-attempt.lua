-- Count one login attempt for a client address and start its window, in one step: a
-- crash between the count and the expiry can no longer leave a counter that never ends.
-- KEYS: attempts(bucket)
-- ARGV: windowMs
-- Returns {attempts, msLeftInWindow}.
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}
