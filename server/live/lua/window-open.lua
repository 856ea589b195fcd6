-- Open scoring for a candidate. A candidate whose result was revealed stays closed: the
-- hall has seen the result, so it can no longer change. A tie decision taken on a tie this
-- candidate is part of depended on their score: it is voided in the same step (and says so
-- in the audit trail), so the count never applies a decision to a score that changed. A
-- candidate marked 弃权 or 缺席 is not scored (candidate-mark.lua keeps the other side).
-- KEYS: state, windows, revealed, decisions, audit, marks
-- ARGV: candidateId, nowIso, role
-- Returns {'ok', positionId of each decision voided...}, {'unchanged'} or an error code.
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
if redis.call('HEXISTS', KEYS[6], ARGV[1]) == 1 then return 'candidate_marked' end
if redis.call('HEXISTS', KEYS[3], ARGV[1]) == 1 then return 'bad_state' end
-- Already open (a second click): nothing happened, so nothing is audited or voided.
if redis.call('HGET', KEYS[2], ARGV[1]) == 'open' then return { 'unchanged' } end
redis.call('HSET', KEYS[2], ARGV[1], 'open')
local reply = { 'ok' }
local decisions = redis.call('LRANGE', KEYS[4], 0, -1)
for i, raw in ipairs(decisions) do
  local d = cjson.decode(raw)
  local depends = false
  if d.voided == nil and type(d.tied) == 'table' then
    for _, id in ipairs(d.tied) do
      if id == ARGV[1] then depends = true end
    end
  end
  if depends then
    d.voided = { at = ARGV[2], candidateId = ARGV[1] }
    redis.call('LSET', KEYS[4], i - 1, cjson.encode(d))
    redis.call('RPUSH', KEYS[5], cjson.encode({
      at = ARGV[2], role = ARGV[3], action = 'tie:void', subject = d.positionId, note = ARGV[1],
    }))
    table.insert(reply, d.positionId)
  end
end
redis.call('HINCRBY', KEYS[1], 'version', 1)
return reply
