-- Store a locked round's export in Redis once and publish its digest (the screens show it
-- while the lock lands in the records). Nodes racing to build it build the same file (it is
-- deterministic); the first one stored stands.
-- KEYS: export, state
-- ARGV: exportJson, digest
-- Returns the digest of the stored export.
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[2], 'digest', ARGV[2])
  redis.call('HINCRBY', KEYS[2], 'version', 1)
end
return redis.call('HGET', KEYS[2], 'digest')
