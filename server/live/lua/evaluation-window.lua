-- Open or close the democratic evaluation (one window for every candidate at once).
-- Opening is refused once its results were revealed; closing needs it open.
-- KEYS: state   ARGV: 'open' | 'closed'
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local now = redis.call('HGET', KEYS[1], 'evaluation') or 'pending'
-- Already so (a second click): nothing happened, so nothing is audited.
if now == ARGV[1] then return 'unchanged' end
if ARGV[1] == 'open' and redis.call('HGET', KEYS[1], 'evaluationRevealed') == '1' then
  return 'bad_state'
end
if ARGV[1] == 'closed' and now ~= 'open' then return 'bad_state' end
redis.call('HSET', KEYS[1], 'evaluation', ARGV[1])
-- Opening it puts its progress on the projector: the hall sees that it may now evaluate.
if ARGV[1] == 'open' then redis.call('HSET', KEYS[1], 'screen', 'evaluation') end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
