-- A worker's claim from its queues, as a function so that it is planned like the other hot-path functions (V5):
-- issued as a plain statement, it was re-planned on every call on some stacks and not on others, depending on how
-- the plan cache weighed its generic plan, and planning cost twice what the claim itself did.
--
-- Takes up to p_max visible messages of these queues for the visibility period and claims their steps in one
-- statement. The pick is materialised so that at most p_max are taken; a message whose step is no longer enqueued
-- (a duplicate, a cancelled or resolved step) comes back with NULL step columns, for the caller to delete.
CREATE FUNCTION tasker_claim_messages(p_queues text[], p_max int, p_visibility_ms bigint, p_worker text)
    RETURNS TABLE (queue_msg_id bigint, step_uuid uuid, task_uuid uuid, name text, handler text, attempts int,
                   retry_limit int, timeout_seconds int, claim_deadline timestamptz, handler_config jsonb,
                   namespace text, task_name text, version text, context jsonb, parent_results jsonb)
    LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
BEGIN
    RETURN QUERY
    WITH picked AS MATERIALIZED (
        SELECT q.msg_id FROM tasker_queue_messages q
         WHERE q.queue = ANY (p_queues) AND q.visible_at <= clock_timestamp()
         ORDER BY q.msg_id LIMIT p_max FOR UPDATE SKIP LOCKED
    ), msgs AS (
        UPDATE tasker_queue_messages m
           SET visible_at = clock_timestamp() + p_visibility_ms * interval '1 millisecond',
               read_count = m.read_count + 1
          FROM picked WHERE m.msg_id = picked.msg_id
        RETURNING m.msg_id, (m.message ->> 'step_uuid')::uuid AS step_uuid
    ), claimed AS (
        UPDATE tasker_workflow_steps s
           SET current_state = 'in_progress', attempts = s.attempts + 1,
               last_attempted_at = clock_timestamp(), claimed_by = p_worker,
               claim_deadline = clock_timestamp() + s.timeout_seconds * interval '1 second',
               completed_at = NULL, updated_at = clock_timestamp()
          FROM msgs
         WHERE s.step_uuid = msgs.step_uuid AND s.current_state = 'enqueued'
           AND EXISTS (SELECT 1 FROM tasker_tasks t WHERE t.task_uuid = s.task_uuid
                          AND t.status NOT IN ('complete', 'error', 'cancelled', 'resolved_manually'))
        RETURNING s.*, msgs.msg_id
    ), transition AS (
        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
        SELECT c.step_uuid, c.task_uuid, 'enqueued', 'in_progress',
               jsonb_build_object('worker_id', c.claimed_by, 'attempt', c.attempts)
          FROM claimed c
    )
    SELECT m.msg_id, c.step_uuid, c.task_uuid, c.name, c.handler, c.attempts, c.retry_limit, c.timeout_seconds,
           c.claim_deadline, c.handler_config, t.namespace, t.name, t.version, t.context,
           (SELECT jsonb_object_agg(p.name, p.results)
              FROM tasker_workflow_step_edges e
              JOIN tasker_workflow_steps p ON p.step_uuid = e.from_step_uuid
             WHERE e.to_step_uuid = c.step_uuid)
      FROM msgs m
      LEFT JOIN claimed c ON c.msg_id = m.msg_id
      LEFT JOIN tasker_tasks t ON t.task_uuid = c.task_uuid;
END;
$$;
