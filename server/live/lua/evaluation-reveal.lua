-- Reveal the democratic evaluation (closed) in one step with the checks it was computed
-- under: not locked, the same evaluation ballots, the same revealed candidates and their
-- same ballots (they get their composite now), and the same candidates marked 弃权 or 缺席
-- (left out of it). Once revealed it can no longer be reopened.
-- KEYS: state, evaluation-revealed, revealed, marks, then eval(c) per candidate, then
--       ballots(r) per revealed candidate
-- ARGV: JSON {evalCounts, revealedIds (sorted), ballotCounts, markedIds (sorted),
--       evaluation: [[id, json]], combined: [[id, json]]}; the results stay strings so no
--       number is re-encoded.
-- Returns 'ok', 'stale' or an error code.
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return 'round_locked' end
local w = redis.call('HGET', KEYS[1], 'evaluation') or 'pending'
if w ~= 'closed' then return w == 'open' and 'scoring_still_open' or 'bad_state' end
local p = cjson.decode(ARGV[1])
local n = #p.evalCounts
for i = 1, n do
  if redis.call('HLEN', KEYS[4 + i]) ~= p.evalCounts[i] then return 'stale' end
end
local marked = redis.call('HKEYS', KEYS[4])
table.sort(marked)
if #marked ~= #p.markedIds then return 'stale' end
for i, id in ipairs(marked) do
  if id ~= p.markedIds[i] then return 'stale' end
end
local revealed = {}
local all = redis.call('HGETALL', KEYS[3])
for i = 1, #all, 2 do
  if all[i + 1] ~= '' then revealed[#revealed + 1] = all[i] end
end
table.sort(revealed)
if #revealed ~= #p.revealedIds then return 'stale' end
for i, id in ipairs(revealed) do
  if id ~= p.revealedIds[i] then return 'stale' end
  if redis.call('HLEN', KEYS[4 + n + i]) ~= p.ballotCounts[i] then return 'stale' end
end
for _, pair in ipairs(p.evaluation) do redis.call('HSET', KEYS[2], pair[1], pair[2]) end
for _, pair in ipairs(p.combined) do redis.call('HSET', KEYS[3], pair[1], pair[2]) end
redis.call('HSET', KEYS[1], 'evaluationRevealed', '1', 'screen', 'evaluation')
redis.call('HINCRBY', KEYS[1], 'version', 1)
return 'ok'
