-- The abstentions (回避) that count, per candidate: those of active cards. A void withdraws
-- a card's ballots from the count in its own script (setup/lua/card-void.lua), which knows
-- nothing of abstentions; reading them through the card status withdraws them too. Read
-- only; the abstentions are few (a voter's relatives), the cards may be thousands.
-- KEYS: card-status, then per candidate: abstentions(c)
-- Returns, per candidate in KEYS order, the list of the abstaining cards' abstention JSON.
local out = {}
for i = 2, #KEYS do
  local kept = {}
  local entries = redis.call('HGETALL', KEYS[i])
  for j = 1, #entries, 2 do
    if redis.call('HGET', KEYS[1], entries[j]) == 'active' then kept[#kept + 1] = entries[j + 1] end
  end
  out[#out + 1] = kept
end
return out
