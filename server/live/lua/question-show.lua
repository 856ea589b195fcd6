-- Put a drawn question on the projector (the chair opened it): the screen's view becomes
-- 'question', and the question (its post, id and words, as JSON) is kept beside it for the
-- screen feed. Not after the lock: the questions belong to the speeches.
-- KEYS: state   ARGV: question
-- A round whose lock has landed is not in Redis any more.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'round_locked' end
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
if redis.call('HGET', KEYS[1], 'screen') == 'question'
    and redis.call('HGET', KEYS[1], 'question') == ARGV[1] then
  return 'unchanged'
end
redis.call('HSET', KEYS[1], 'screen', 'question', 'question', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
