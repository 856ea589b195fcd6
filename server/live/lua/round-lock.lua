-- Lock the round. From this instant every ballot write is refused (the submit scripts
-- check the status in the same atomic step). The card-keyed ballots are replaced by lists
-- of card-less ballots in sorted order, so nothing stored links a card to its scores or
-- shows the order of submission. The round is marked in two durable sets, so that any node
-- finishes what the lock leaves to do even if this one dies right after: building the
-- export, and a rewrite of the append-only file that drops the card-keyed writes.
-- KEYS: state, final-ballots, final-evaluations, eval-meta, exports-pending,
--       disk-purge-pending, then per candidate: ballots(c), ballot-meta(c), eval(c)
-- ARGV: lockedAtIso, roundId
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
redis.call('HSET', KEYS[1], 'status', 'locked', 'lockedAt', ARGV[1], 'screen', 'locked',
  'diskPurge', 'pending')
redis.call('SADD', KEYS[5], ARGV[2])
redis.call('SADD', KEYS[6], ARGV[2])
redis.call('HDEL', KEYS[1], 'timerStartedAt')
redis.call('HINCRBY', KEYS[1], 'version', 1)

local function move(all, key)
  for _, v in ipairs(redis.call('HVALS', key)) do all[#all + 1] = v end
  redis.call('DEL', key)
end

local function store(key, all)
  table.sort(all)
  redis.call('DEL', key)
  for i = 1, #all, 1000 do
    redis.call('RPUSH', key, unpack(all, i, math.min(i + 999, #all)))
  end
end

local ballots, evaluations = {}, {}
for i = 7, #KEYS, 3 do
  move(ballots, KEYS[i])
  redis.call('DEL', KEYS[i + 1])
  move(evaluations, KEYS[i + 2])
end
redis.call('DEL', KEYS[4])
store(KEYS[2], ballots)
store(KEYS[3], evaluations)
return 'ok'
