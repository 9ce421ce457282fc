-- The queue table is emptied as fast as it fills, so each autovacuum finds its trailing pages empty and truncates
-- them, under an ACCESS EXCLUSIVE lock on the table that every enqueue, claim and report waits behind. Under a
-- sustained 57.5 tasks/s (scripts/sustained-benchmark.sh, 2026-12-03), 7 of 20 30-second windows had a p99 over
-- 400 ms, each at an autovacuum round; with this, 1 of 12, and no session waited on a table lock. Without
-- truncation the pages stay allocated and the next inserts reuse them: the table keeps the size its peak needed.
ALTER TABLE tasker_queue_messages SET (vacuum_truncate = false);
