-- Remove the first N entries of a round's audit outbox once they are in the records, but
-- only if the outbox still starts with the entry the drain read first: a node that drained
-- the same entries a moment earlier has trimmed them already, and trimming again would drop
-- entries no one has stored yet. An outbox left empty takes its round off the set of
-- outboxes to drain (an audited script puts it back with its next entry, in one step).
-- KEYS: audit outbox, pending set   ARGV: count, first entry ('' when it was read empty), roundId
if ARGV[2] ~= '' then
  if redis.call('LINDEX', KEYS[1], 0) ~= ARGV[2] then return 0 end
  redis.call('LTRIM', KEYS[1], tonumber(ARGV[1]), -1)
end
if redis.call('LLEN', KEYS[1]) == 0 then redis.call('SREM', KEYS[2], ARGV[3]) end
return 1
