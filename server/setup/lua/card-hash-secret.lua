-- Replace a card record written by an older version (which kept the card's secret itself)
-- with one that keeps only the secret's SHA-256, unless the record changed meanwhile (a
-- node of this version rotated it first: nothing to do then).
-- KEYS: cards   ARGV: cardId, oldRecordJson, newRecordJson
-- Returns 1 when replaced, 0 when the record was no longer the old one.
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
return 1
