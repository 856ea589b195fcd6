-- The round's feed version: the next one ('1' = bump) or the current one. A round whose
-- lock has landed is not in Redis any more; its version is not recreated here (the caller
-- takes it from the records), so the answer is false.
-- KEYS: state, feed-version   ARGV: bump ('1' | '0')
if redis.call('EXISTS', KEYS[1]) == 0 then return false end
if ARGV[1] == '1' then return redis.call('INCR', KEYS[2]) end
return tonumber(redis.call('GET', KEYS[2]) or '0')
