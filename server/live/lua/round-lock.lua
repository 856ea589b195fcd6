-- Lock the round. From this instant every ballot write is refused (the submit scripts
-- check the status in the same atomic step). The card-keyed ballots, evaluations and
-- abstentions (回避) are replaced by lists of card-less ones in sorted order, so nothing
-- stored links a card to its choices or shows the order of submission. The abstentions of
-- void cards are dropped here (a void withdraws what the card submitted; card-void.lua
-- deletes its ballots, abstention-count.lua and this script leave out its abstentions). The round is marked in two durable sets, so that any node
-- finishes what the lock leaves to do even if this one dies right after: building the
-- export, and a rewrite of the append-only file that drops the card-keyed writes.
-- KEYS: state, final-ballots, final-evaluations, eval-meta, exports-pending,
--       disk-purge-pending, final-abstentions, card-status, then per candidate: ballots(c),
--       ballot-meta(c), eval(c), abstentions(c), abstention-meta(c)
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

local function moveActive(all, key)
  local entries = redis.call('HGETALL', key)
  for j = 1, #entries, 2 do
    if redis.call('HGET', KEYS[8], entries[j]) == 'active' then all[#all + 1] = entries[j + 1] end
  end
  redis.call('DEL', key)
end

local ballots, evaluations, abstentions = {}, {}, {}
for i = 9, #KEYS, 5 do
  move(ballots, KEYS[i])
  redis.call('DEL', KEYS[i + 1])
  move(evaluations, KEYS[i + 2])
  moveActive(abstentions, KEYS[i + 3])
  redis.call('DEL', KEYS[i + 4])
end
redis.call('DEL', KEYS[4])
store(KEYS[2], ballots)
store(KEYS[3], evaluations)
store(KEYS[7], abstentions)
return 'ok'
