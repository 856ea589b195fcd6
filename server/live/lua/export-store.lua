-- Store a locked round's export once and publish its digest, in one step with taking the
-- round off the list of exports still to build. Nodes racing to build it build the same
-- file (it is deterministic); the first one stored stands.
-- KEYS: export, state, exports-pending
-- ARGV: exportJson, digest, roundId
-- Returns the digest of the stored export.
if redis.call('SET', KEYS[1], ARGV[1], 'NX') then
  redis.call('HSET', KEYS[2], 'digest', ARGV[2])
  redis.call('HINCRBY', KEYS[2], 'version', 1)
end
redis.call('SREM', KEYS[3], ARGV[3])
return redis.call('HGET', KEYS[2], 'digest')
