-- Lock the round. From this instant every ballot write is refused (ballot-submit checks
-- the status in the same atomic step). The card-keyed ballots are replaced by one list of
-- card-less ballots in sorted order, so nothing stored links a card to its scores or shows
-- the order of submission.
-- KEYS: state, final-ballots, then per candidate: ballots(c), ballot-meta(c)
-- ARGV: lockedAtIso
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return 'round_locked' end
redis.call('HSET', KEYS[1], 'status', 'locked', 'lockedAt', ARGV[1], 'screen', 'locked')
redis.call('HDEL', KEYS[1], 'timerStartedAt')
redis.call('HINCRBY', KEYS[1], 'version', 1)
local all = {}
for i = 3, #KEYS, 2 do
  for _, v in ipairs(redis.call('HVALS', KEYS[i])) do all[#all + 1] = v end
  redis.call('DEL', KEYS[i], KEYS[i + 1])
end
table.sort(all)
redis.call('DEL', KEYS[2])
for i = 1, #all, 1000 do
  redis.call('RPUSH', KEYS[2], unpack(all, i, math.min(i + 999, #all)))
end
return 'ok'
