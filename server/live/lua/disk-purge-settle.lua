-- The rewrite that started after these rounds were locked has completed: their card-keyed
-- writes are no longer in the append-only file. Take them off the pending set, say so in
-- their state, and forget the rewrite.
-- KEYS: disk-purge-pending, disk-purge-rewrite, then one state key per round
-- ARGV: the round ids (same order as their state keys)
for i = 3, #KEYS do
  redis.call('SREM', KEYS[1], ARGV[i - 2])
  if redis.call('HGET', KEYS[i], 'diskPurge') == 'pending' then
    redis.call('HSET', KEYS[i], 'diskPurge', 'done')
    redis.call('HINCRBY', KEYS[i], 'version', 1)
  end
end
redis.call('DEL', KEYS[2])
return 'ok'
