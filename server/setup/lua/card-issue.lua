-- Issue a batch of ballot cards, atomically: each card, its status, the active count of its
-- group and its credential, keyed by the SHA-256 of its secret (the secret is not kept).
-- The request id makes a retried request issue once: a repeat of the same request gives the
-- same cards new secrets instead of making more (the first reply, and the secrets in it,
-- never reached the organizer). A repeat with other counts is refused.
-- Credential keys are built from their prefix because a card's current one is known only
-- here (its hash is stored with the card); Jingpin runs one Redis, not a cluster.
-- KEYS: cards, card-status, active-cards, request, state
-- ARGV: roundId, authPrefix, requestTtlSeconds, fingerprint, then per card: id, group, hash
-- Returns {'ok'|'replay', id, group, ...} (replay: the request's active cards),
-- {'collision'} (a random id is taken: retry with new ids), {'request_mismatch'} or
-- {'round_locked'} (after the lock no card can do anything, so none is made).
if redis.call('HGET', KEYS[5], 'status') ~= 'open' then return { 'round_locked' } end
local n = (#ARGV - 4) / 3
local function principal(id, group)
  return cjson.encode({ role = 'voter', roundId = ARGV[1], cardId = id, group = group })
end
local function grant(id, group, hash)
  redis.call('HSET', KEYS[1], id, cjson.encode({ group = group, secret = hash }))
  redis.call('SET', ARGV[2] .. hash, principal(id, group))
end

local previous = redis.call('GET', KEYS[4])
if previous then
  local request = cjson.decode(previous)
  if request.fingerprint ~= ARGV[4] or #request.cards ~= n then return { 'request_mismatch' } end
  -- The k-th card still active takes the k-th hash, so the reply pairs up with the secrets.
  local out, k = { 'replay' }, 0
  for _, id in ipairs(request.cards) do
    if redis.call('HGET', KEYS[2], id) == 'active' then
      local card = cjson.decode(redis.call('HGET', KEYS[1], id))
      k = k + 1
      redis.call('DEL', ARGV[2] .. card.secret)
      grant(id, card.group, ARGV[4 + 3 * k])
      out[#out + 1] = id
      out[#out + 1] = card.group
    end
  end
  return out
end

for i = 1, n do
  if redis.call('HEXISTS', KEYS[1], ARGV[2 + 3 * i]) == 1 then return { 'collision' } end
end
local out, ids = { 'ok' }, {}
for i = 1, n do
  local id, group, hash = ARGV[2 + 3 * i], ARGV[3 + 3 * i], ARGV[4 + 3 * i]
  grant(id, group, hash)
  redis.call('HSET', KEYS[2], id, 'active')
  redis.call('HINCRBY', KEYS[3], group, 1)
  ids[i] = id
  out[#out + 1] = id
  out[#out + 1] = group
end
redis.call('SET', KEYS[4], cjson.encode({ fingerprint = ARGV[4], cards = ids }), 'EX', ARGV[3])
return out
