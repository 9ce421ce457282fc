-- The plans of the functions on the hot path. Two planner defaults cost more than the work itself here:
--
-- * The plan cache re-plans a statement on every call while its generic plan looks costlier than the plans made
--   for particular parameter values, which for these statements it always did: the readiness query alone spent
--   0.5 ms planning against 0.15 ms executing, on every success report. Their generic plans are the right ones
--   (every statement looks rows up by the task's or the step's key), so they are always used.
-- * A pooled connection keeps its plans for as long as it lives. A plan made while a table is nearly empty (a
--   fresh database: the first minutes of a deployment, a test run, a benchmark) scans it whole, and goes on
--   scanning it as it grows, until an ANALYZE happens to invalidate the plan: on a fresh stack the claim's read of
--   a step's parent results made every success report cost twice as much. A sequential scan is never the right
--   plan for a key lookup, so these functions never use one.
ALTER FUNCTION tasker_evaluate_task(uuid, text, text, text, boolean)
    SET plan_cache_mode = force_generic_plan SET enable_seqscan = off;
ALTER FUNCTION tasker_claim_step(uuid, text)
    SET plan_cache_mode = force_generic_plan SET enable_seqscan = off;
ALTER FUNCTION tasker_complete_step(uuid, int, jsonb, jsonb, bigint, text)
    SET plan_cache_mode = force_generic_plan SET enable_seqscan = off;
