-- A worker's success report also takes its slot's next work. When the task has no step for this worker to go on
-- with (it finished, or waits on other steps) and none waiting in the queue, the report claims the oldest visible
-- message of the worker's queues in the same statement, as the worker's own claim would (tasker_claim_messages, one
-- message). A busy worker so
-- runs task after task without a separate claim per task: one statement and one commit fewer each time.
--
-- Otherwise as in V4: the step moves in_progress -> enqueued_for_orchestration -> complete, its message is
-- removed, the task is evaluated and a step that is the only one this result made ready is claimed for the
-- worker. queue_msg_id is the taken message's id (NULL for a step the worker goes on with, which has none); when
-- the taken message's step was not claimable its step columns are NULL, for the caller to delete the message.
DROP FUNCTION tasker_complete_step(uuid, int, jsonb, jsonb, bigint, text);

CREATE FUNCTION tasker_complete_step(p_step uuid, p_attempt int, p_results jsonb, p_meta jsonb, p_msg_id bigint,
                                     p_worker text DEFAULT NULL, p_queues text[] DEFAULT NULL,
                                     p_visibility_ms bigint DEFAULT NULL)
    RETURNS TABLE (task_status text, queue_msg_id bigint, step_uuid uuid, task_uuid uuid, name text, handler text,
                   attempts int, retry_limit int, timeout_seconds int, claim_deadline timestamptz,
                   handler_config jsonb, namespace text, task_name text, version text, context jsonb,
                   parent_results jsonb)
    LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
    v_task uuid;
    v_status text;
    v_namespace text;
    v_next uuid;
BEGIN
    SELECT s.task_uuid INTO v_task FROM tasker_workflow_steps s WHERE s.step_uuid = p_step;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT t.status, t.namespace INTO v_status, v_namespace FROM tasker_tasks t WHERE t.task_uuid = v_task FOR UPDATE;
    DELETE FROM tasker_queue_messages m WHERE m.msg_id = p_msg_id;
    UPDATE tasker_workflow_steps s
       SET current_state = 'complete', results = p_results, error = NULL, claim_deadline = NULL,
           completed_at = clock_timestamp(), updated_at = clock_timestamp()
     WHERE s.step_uuid = p_step AND s.current_state = 'in_progress' AND s.attempts = p_attempt;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
    VALUES (p_step, v_task, 'in_progress', 'enqueued_for_orchestration', p_meta);
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
    VALUES (p_step, v_task, 'enqueued_for_orchestration', 'complete');

    SELECT e.status, e.held_step INTO v_status, v_next
      FROM tasker_evaluate_task(v_task, v_status, v_namespace, 'step result', p_worker IS NOT NULL) e;

    IF v_next IS NOT NULL THEN
        RETURN QUERY SELECT v_status, NULL::bigint, c.* FROM tasker_claim_step(v_next, p_worker) c;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    -- Not when this result queued several steps of the task (a fan-out): those are for the worker's free slots to
    -- claim together and run in parallel, and a slot that took one would take its siblings one after the other.
    IF p_worker IS NOT NULL AND p_queues IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM tasker_workflow_steps s WHERE s.task_uuid = v_task AND s.current_state = 'enqueued')
    THEN
        -- Locks: this task's row is held, and the claim locks a message, then a step, never a task, as every
        -- claim does; so it cannot wait on a transaction that waits for this task.
        RETURN QUERY SELECT v_status, m.* FROM tasker_claim_messages(p_queues, 1, p_visibility_ms, p_worker) m;
        IF FOUND THEN
            RETURN;
        END IF;
    END IF;
    task_status := v_status;
    RETURN NEXT;
END;
$$;
