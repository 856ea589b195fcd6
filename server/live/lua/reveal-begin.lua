-- Take the closed candidate's ballots for the result and mark the candidate revealed in
-- the same step, so scoring can no longer be reopened under the result.
-- KEYS: state, windows, ballots(candidate), revealed   ARGV: candidateId
-- Returns {code} or {'ok', ballot, ballot, ...}.
if redis.call('HGET', KEYS[1], 'status') == 'locked' then return {'round_locked'} end
local w = redis.call('HGET', KEYS[2], ARGV[1])
if w == 'open' then return {'scoring_still_open'} end
if w ~= 'closed' then return {'bad_state'} end
redis.call('HSETNX', KEYS[4], ARGV[1], '')
local out = {'ok'}
for _, v in ipairs(redis.call('HVALS', KEYS[3])) do out[#out + 1] = v end
return out
