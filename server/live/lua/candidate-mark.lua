-- Mark a candidate 弃权 (withdrawn) or 缺席 (absent), or take a mark back, in one step with
-- every check, so a mark never meets a ballot: a candidate who spoke and was scored cannot
-- be absent. The refusals that keep the two apart are on both sides: window-open.lua and
-- evaluation-submit.lua refuse a marked candidate, this refuses one with a ballot, an
-- abstention or an evaluation, and while their window or the evaluation is open (a ballot
-- may be on its way). A result shown (or taken back) was seen by the hall: no mark then.
-- Marking the current speaker stops their timer; they stay current, shown as marked, and
-- the chair moves on. Audited (defineAuditedScript); a mark already so answers 'unchanged'.
-- KEYS: state, windows, marks, revealed, ballots(c), abstentions(c), evaluations(c)
-- ARGV: candidateId, mark ('withdrawn' | 'absent' | '' to take it back), markJson
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local c = ARGV[1]
local stored = redis.call('HGET', KEYS[3], c)
if ARGV[2] == '' then
  if not stored then return 'unchanged' end
  redis.call('HDEL', KEYS[3], c)
  redis.call('HINCRBY', KEYS[1], 'version', 1)
  return 'ok'
end
if stored and cjson.decode(stored).mark == ARGV[2] then return 'unchanged' end
if redis.call('HGET', KEYS[2], c) == 'open' then return 'scoring_still_open' end
if redis.call('HGET', KEYS[1], 'evaluation') == 'open' then return 'scoring_still_open' end
if redis.call('HEXISTS', KEYS[4], c) == 1 or redis.call('HLEN', KEYS[5]) > 0
  or redis.call('HLEN', KEYS[6]) > 0 or redis.call('HLEN', KEYS[7]) > 0 then
  return 'candidate_scored'
end
-- The evaluation's results are out: the hall has seen who was in it.
if redis.call('HGET', KEYS[1], 'evaluationRevealed') == '1' then return 'bad_state' end
redis.call('HSET', KEYS[3], c, ARGV[3])
if redis.call('HGET', KEYS[1], 'current') == c then
  redis.call('HDEL', KEYS[1], 'timerKind', 'timerDuration', 'timerStartedAt', 'timerRemaining')
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
