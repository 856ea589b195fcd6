-- Remove the first N entries of a round's audit outbox once they are in the records, but
-- only if the outbox still starts with the entry the drain read first: a node that drained
-- the same entries a moment earlier has trimmed them already, and trimming again would drop
-- entries no one has stored yet.
-- KEYS: audit outbox   ARGV: count, first entry
if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[2] then return 0 end
redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1)
return 1
