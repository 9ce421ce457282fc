-- Task evaluation lives in the database, as functions, so that whichever process records a result applies the
-- same rules in the same transaction: the worker applies a successful step itself (no hop through the
-- orchestration's results queue on the hot path), the orchestration applies failures, retries, wake-ups and
-- manual resolutions. One implementation of the rules, one round trip per result.

-- The task state that follows from its steps' states. Permanent failures stop new steps from starting; the task
-- waits for steps still in flight (blocked_by_failures) and ends in error when none are left.
CREATE FUNCTION tasker_task_outcome(total int, done int, resolved int, failed int, in_flight int, retrying int)
    RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
        WHEN total > 0 AND done = total THEN CASE WHEN resolved > 0 THEN 'resolved_manually' ELSE 'complete' END
        WHEN failed > 0 THEN CASE WHEN in_flight > 0 THEN 'blocked_by_failures' ELSE 'error' END
        WHEN in_flight > 0 THEN 'steps_in_process'
        WHEN retrying > 0 THEN 'waiting_for_retry'
        ELSE 'waiting_for_dependencies'
    END
$$;

-- Moves a task forward: enqueues every step that has become ready, then records the task's new state if it
-- changed. The caller holds the task's row lock and passes the status it read under it. Returns the task's
-- status afterwards. Active states move freely; a task in error may be resumed (manual resolution); other
-- terminal states are final.
CREATE FUNCTION tasker_evaluate_task(p_task uuid, p_status text, p_namespace text, p_cause text)
    RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    n_total int; n_done int; n_resolved int; n_failed int; n_in_flight int; n_retrying int;
    n_enqueued int;
    next_status text;
    meta jsonb;
BEGIN
    IF p_status IN ('cancelled', 'complete', 'resolved_manually') THEN
        RETURN p_status;
    END IF;

    WITH ready AS (
        SELECT s.step_uuid, s.current_state FROM tasker_workflow_steps s
         WHERE s.task_uuid = p_task
           AND (s.current_state = 'pending'
                OR (s.current_state = 'waiting_for_retry' AND s.next_retry_at <= clock_timestamp()))
           AND s.attempts < s.retry_limit
           AND NOT EXISTS (SELECT 1 FROM tasker_workflow_step_edges e
                             JOIN tasker_workflow_steps p ON p.step_uuid = e.from_step_uuid
                            WHERE e.to_step_uuid = s.step_uuid
                              AND p.current_state NOT IN ('complete', 'resolved_manually'))
           AND NOT EXISTS (SELECT 1 FROM tasker_workflow_steps f
                            WHERE f.task_uuid = s.task_uuid AND f.current_state = 'error')
    ), enqueued AS (
        UPDATE tasker_workflow_steps s
           SET current_state = 'enqueued', next_retry_at = NULL, updated_at = clock_timestamp()
          FROM ready r WHERE s.step_uuid = r.step_uuid
        RETURNING s.step_uuid, s.task_uuid, r.current_state AS from_state
    ), transitions AS (
        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
        SELECT step_uuid, task_uuid, from_state, 'enqueued' FROM enqueued
    ), messages AS (
        INSERT INTO tasker_queue_messages (queue, message)
        SELECT 'worker_' || p_namespace || '_queue', jsonb_build_object('task_uuid', task_uuid, 'step_uuid', step_uuid)
          FROM enqueued
    )
    SELECT count(*) INTO n_enqueued FROM enqueued;

    -- A later statement of a function sees the earlier one's updates: these counts include the steps just enqueued.
    SELECT count(*),
           count(*) FILTER (WHERE current_state IN ('complete', 'resolved_manually')),
           count(*) FILTER (WHERE current_state = 'resolved_manually'),
           count(*) FILTER (WHERE current_state = 'error'),
           count(*) FILTER (WHERE current_state IN ('enqueued', 'in_progress', 'enqueued_for_orchestration',
                                                    'enqueued_as_error_for_orchestration')),
           count(*) FILTER (WHERE current_state = 'waiting_for_retry')
      INTO n_total, n_done, n_resolved, n_failed, n_in_flight, n_retrying
      FROM tasker_workflow_steps WHERE task_uuid = p_task;

    next_status := tasker_task_outcome(n_total, n_done, n_resolved, n_failed, n_in_flight, n_retrying);
    IF next_status = p_status OR (p_status = 'error' AND next_status IN ('cancelled', 'pending')) THEN
        RETURN p_status;
    END IF;

    meta := jsonb_build_object('cause', p_cause, 'steps_done', n_done, 'steps_total', n_total);
    IF n_enqueued > 0 THEN
        meta := meta || jsonb_build_object('steps_enqueued', n_enqueued);
    END IF;
    UPDATE tasker_tasks
       SET status = next_status, updated_at = clock_timestamp(),
           completed_at = CASE WHEN next_status IN ('complete', 'error', 'cancelled', 'resolved_manually')
                               THEN clock_timestamp() END
     WHERE task_uuid = p_task AND status = p_status;
    IF NOT FOUND THEN
        RETURN p_status;
    END IF;
    INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state, metadata)
    VALUES (p_task, p_status, next_status, meta);
    RETURN next_status;
END;
$$;

-- A worker records a successful attempt and applies it, in one transaction: the step moves
-- in_progress -> enqueued_for_orchestration -> complete (both transitions recorded, the state machine is the
-- documented one), its queue message is removed and the task is evaluated. Locks the task before the step,
-- like every other writer of a task's steps. Returns the task's status afterwards, or NULL when the attempt is
-- no longer the step's current one (reclaimed, cancelled meanwhile: nothing is changed).
--
-- The message is removed only if no other claim holds it (SKIP LOCKED): its visibility may have run out while
-- the step ran, and waiting for that claim would deadlock with it. That claim finds the step no longer enqueued
-- and drops the message.
CREATE FUNCTION tasker_complete_step(p_step uuid, p_attempt int, p_results jsonb, p_meta jsonb, p_msg_id bigint)
    RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    v_task uuid;
    v_status text;
    v_namespace text;
BEGIN
    SELECT task_uuid INTO v_task FROM tasker_workflow_steps WHERE step_uuid = p_step;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    SELECT status, namespace INTO v_status, v_namespace FROM tasker_tasks WHERE task_uuid = v_task FOR UPDATE;
    UPDATE tasker_workflow_steps
       SET current_state = 'complete', results = p_results, error = NULL, claim_deadline = NULL,
           completed_at = clock_timestamp(), updated_at = clock_timestamp()
     WHERE step_uuid = p_step AND current_state = 'in_progress' AND attempts = p_attempt;
    IF NOT FOUND THEN
        RETURN NULL;
    END IF;
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
    VALUES (p_step, v_task, 'in_progress', 'enqueued_for_orchestration', p_meta);
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
    VALUES (p_step, v_task, 'enqueued_for_orchestration', 'complete');
    DELETE FROM tasker_queue_messages
     WHERE msg_id IN (SELECT msg_id FROM tasker_queue_messages WHERE msg_id = p_msg_id FOR UPDATE SKIP LOCKED);
    RETURN tasker_evaluate_task(v_task, v_status, v_namespace, 'step result');
END;
$$;
