-- Put a candidate's result on the projector and into the revealed set, in one step with
-- the checks it was computed under: not locked (after the lock only the export's final
-- result may be shown), scoring closed, and the same ballots and evaluation phase as were
-- read. A card voided in between changes the count, so the result would be stale. A
-- candidate marked 弃权 or 缺席 has no result to show (candidate-mark.lua keeps the other side).
-- KEYS: state, windows, ballots(c), evaluations(c), revealed, marks
-- ARGV: candidateId, resultJson, final ('1' = from the export), ballotCount, evalCount,
--       evaluationRevealed ('1' or '0')
-- Returns 'ok', 'stale', 'landed' (the lock has landed: the records show it) or an error code.
if redis.call('EXISTS', KEYS[1]) == 0 then return 'landed' end
local locked = redis.call('HGET', KEYS[1], 'status') ~= 'open'
if ARGV[3] == '1' then
  if not locked then return 'bad_state' end
else
  if locked then return 'round_locked' end
  if redis.call('HEXISTS', KEYS[6], ARGV[1]) == 1 then return 'candidate_marked' end
  local w = redis.call('HGET', KEYS[2], ARGV[1])
  if w == 'open' then return 'scoring_still_open' end
  if w ~= 'closed' then return 'bad_state' end
  local phase = redis.call('HGET', KEYS[1], 'evaluationRevealed') == '1' and '1' or '0'
  if phase ~= ARGV[6] or redis.call('HLEN', KEYS[3]) ~= tonumber(ARGV[4]) then return 'stale' end
  -- The evaluations count in the result only once the evaluation is revealed: before that,
  -- cards casting it (the evaluation open) must not make a speech result stale.
  if phase == '1' and redis.call('HLEN', KEYS[4]) ~= tonumber(ARGV[5]) then return 'stale' end
end
redis.call('HSET', KEYS[5], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[1], 'screen', 'result', 'shown', ARGV[1])
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
