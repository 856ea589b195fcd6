-- A deleted rehearsal round leaves the projector and stops taking writes: its state goes
-- first (every live script reads a missing state as closed), then the caller deletes the
-- rest of its keys. Its card-keyed ballots may still be in the append-only file: the
-- round joins the set of rounds the disk purge rewrites off it.
-- KEYS: active-round, state, disk-purge-pending   ARGV: roundId
-- Returns 1 when the round was on the projector.
redis.call('DEL', KEYS[2])
redis.call('SADD', KEYS[3], ARGV[1])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
