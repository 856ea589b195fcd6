-- Give active cards new secrets (a reissue for a lost phone, or printing again): the old
-- credential is deleted in the same step, so the old code is refused from this moment,
-- while the card keeps its id and its ballots. All or nothing: one unknown or void card
-- refuses the whole request.
-- Credential keys are built from their prefix because a card's current one is known only
-- here (its hash is stored with the card); Jingpin runs one Redis, not a cluster.
-- KEYS: state, cards, card-status
-- ARGV: roundId, authPrefix, then per card: id, new secret hash
-- Returns {'ok', group...} (in request order), or {code}.
if redis.call('HGET', KEYS[1], 'status') ~= 'open' then return { 'round_locked' } end
local n = (#ARGV - 2) / 2
local cards = {}
for i = 1, n do
  local id = ARGV[1 + 2 * i]
  local raw = redis.call('HGET', KEYS[2], id)
  if not raw then return { 'card_not_found' } end
  if redis.call('HGET', KEYS[3], id) ~= 'active' then return { 'card_void' } end
  cards[i] = cjson.decode(raw)
end
local out = { 'ok' }
for i = 1, n do
  local id, hash, card = ARGV[1 + 2 * i], ARGV[2 + 2 * i], cards[i]
  if card.secret then redis.call('DEL', ARGV[2] .. card.secret) end
  redis.call('HSET', KEYS[2], id, cjson.encode({ group = card.group, secret = hash }))
  local principal = { role = 'voter', roundId = ARGV[1], cardId = id, group = card.group }
  redis.call('SET', ARGV[2] .. hash, cjson.encode(principal))
  out[#out + 1] = card.group
end
return out
