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
-- changed. The caller holds the task's row lock and passes the status it read under it; status is the task's
-- status afterwards. Active states move freely; a task in error may be resumed (manual resolution); other terminal
-- states are final.
-- With p_hold, a step that is the only one made ready gets no queue message: it is returned as held_step for the
-- caller to claim in the same transaction (a worker going on with the task it is running). When several became
-- ready (a fan-out) all are queued, so that consumers with free slots claim them together and they run in
-- parallel.
CREATE FUNCTION tasker_evaluate_task(p_task uuid, p_status text, p_namespace text, p_cause text,
                                     p_hold boolean DEFAULT false, OUT status text, OUT held_step uuid)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    n_total int; n_done int; n_resolved int; n_failed int; n_in_flight int; n_retrying int;
    n_enqueued int;
    next_status text;
    meta jsonb;
BEGIN
    status := p_status;
    IF p_status IN ('cancelled', 'complete', 'resolved_manually') THEN
        RETURN;
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
        RETURNING s.step_uuid, s.task_uuid, s.position, r.current_state AS from_state
    ), held AS (
        SELECT e.step_uuid FROM enqueued e WHERE p_hold AND (SELECT count(*) FROM enqueued) = 1
    ), transitions AS (
        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
        SELECT e.step_uuid, e.task_uuid, e.from_state, 'enqueued' FROM enqueued e
    ), messages AS (
        INSERT INTO tasker_queue_messages (queue, message)
        SELECT 'worker_' || p_namespace || '_queue', jsonb_build_object('task_uuid', e.task_uuid, 'step_uuid', e.step_uuid)
          FROM enqueued e WHERE e.step_uuid NOT IN (SELECT h.step_uuid FROM held h)
    )
    SELECT count(*), (SELECT h.step_uuid FROM held h) INTO n_enqueued, held_step FROM enqueued;

    -- A later statement of a function sees the earlier one's updates: these counts include the steps just enqueued.
    SELECT count(*),
           count(*) FILTER (WHERE s.current_state IN ('complete', 'resolved_manually')),
           count(*) FILTER (WHERE s.current_state = 'resolved_manually'),
           count(*) FILTER (WHERE s.current_state = 'error'),
           count(*) FILTER (WHERE s.current_state IN ('enqueued', 'in_progress', 'enqueued_for_orchestration',
                                                      'enqueued_as_error_for_orchestration')),
           count(*) FILTER (WHERE s.current_state = 'waiting_for_retry')
      INTO n_total, n_done, n_resolved, n_failed, n_in_flight, n_retrying
      FROM tasker_workflow_steps s WHERE s.task_uuid = p_task;

    next_status := tasker_task_outcome(n_total, n_done, n_resolved, n_failed, n_in_flight, n_retrying);
    IF next_status = p_status OR (p_status = 'error' AND next_status IN ('cancelled', 'pending')) THEN
        RETURN;
    END IF;

    meta := jsonb_build_object('cause', p_cause, 'steps_done', n_done, 'steps_total', n_total);
    IF n_enqueued > 0 THEN
        meta := meta || jsonb_build_object('steps_enqueued', n_enqueued);
    END IF;
    UPDATE tasker_tasks t
       SET status = next_status, updated_at = clock_timestamp(),
           completed_at = CASE WHEN next_status IN ('complete', 'error', 'cancelled', 'resolved_manually')
                               THEN clock_timestamp() END
     WHERE t.task_uuid = p_task AND t.status = p_status;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO tasker_task_transitions (task_uuid, from_state, to_state, metadata)
    VALUES (p_task, p_status, next_status, meta);
    status := next_status;
END;
$$;

-- Claims one enqueued step of a task in motion for a worker (enqueued -> in_progress, one more attempt, the claim's
-- deadline from the step's timeout) and returns what its handler needs. No row when the step is not enqueued or
-- its task has ended. Used for a single step: a worker going on with its task, and a claim by step id; the
-- worker's batch claim from its queues does the same in one set-based statement.
CREATE FUNCTION tasker_claim_step(p_step uuid, p_worker text)
    RETURNS TABLE (step_uuid uuid, task_uuid uuid, name text, handler text, attempts int, retry_limit int,
                   timeout_seconds int, claim_deadline timestamptz, handler_config jsonb, namespace text,
                   task_name text, version text, context jsonb, parent_results jsonb)
    LANGUAGE plpgsql AS $$
#variable_conflict use_column
BEGIN
    UPDATE tasker_workflow_steps s
       SET current_state = 'in_progress', attempts = s.attempts + 1, last_attempted_at = clock_timestamp(),
           claimed_by = p_worker, claim_deadline = clock_timestamp() + s.timeout_seconds * interval '1 second',
           completed_at = NULL, updated_at = clock_timestamp()
     WHERE s.step_uuid = p_step AND s.current_state = 'enqueued'
       AND EXISTS (SELECT 1 FROM tasker_tasks t WHERE t.task_uuid = s.task_uuid
                      AND t.status NOT IN ('complete', 'error', 'cancelled', 'resolved_manually'));
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
    SELECT s.step_uuid, s.task_uuid, 'enqueued', 'in_progress',
           jsonb_build_object('worker_id', p_worker, 'attempt', s.attempts)
      FROM tasker_workflow_steps s WHERE s.step_uuid = p_step;
    RETURN QUERY
        SELECT c.step_uuid, c.task_uuid, c.name, c.handler, c.attempts, c.retry_limit, c.timeout_seconds,
               c.claim_deadline, c.handler_config, t.namespace, t.name, t.version, t.context,
               (SELECT jsonb_object_agg(p.name, p.results)
                  FROM tasker_workflow_step_edges e
                  JOIN tasker_workflow_steps p ON p.step_uuid = e.from_step_uuid
                 WHERE e.to_step_uuid = c.step_uuid)
          FROM tasker_workflow_steps c JOIN tasker_tasks t ON t.task_uuid = c.task_uuid
         WHERE c.step_uuid = p_step;
END;
$$;

-- A worker records a successful attempt and applies it, in one transaction: the step moves
-- in_progress -> enqueued_for_orchestration -> complete (both transitions recorded: the state machine is the
-- documented one), its queue message is removed and the task is evaluated. Locks the task before the step, like
-- every other writer of a task's steps.
--
-- With p_worker, the worker goes on with the task: when this result made exactly one step ready, that step is
-- claimed for it at once (enqueued -> in_progress, no queue message, no NOTIFY, no second round trip) and
-- returned with what the handler needs, in the columns of a queue claim. Otherwise the step columns are NULL.
-- task_status is the task's status afterwards. No row at all means the attempt was no longer the step's current
-- one (reclaimed, cancelled meanwhile): nothing was changed but the removal of its message.
--
-- Locks are taken task, then message, then step. Claims take message, then step, and never the task, so a claim
-- that picked this message (its visibility ran out while the step ran) and waits for the step cannot be waiting
-- for this transaction. The delete waits rather than skipping a locked message: a concurrent claim may hold the
-- lock for a moment after its recheck found the message invisible, and a skipped message would stay behind,
-- invisible, for the whole visibility timeout.
CREATE FUNCTION tasker_complete_step(p_step uuid, p_attempt int, p_results jsonb, p_meta jsonb, p_msg_id bigint,
                                     p_worker text DEFAULT NULL)
    RETURNS TABLE (task_status text, step_uuid uuid, task_uuid uuid, name text, handler text, attempts int,
                   retry_limit int, timeout_seconds int, claim_deadline timestamptz, handler_config jsonb,
                   namespace text, task_name text, version text, context jsonb, parent_results jsonb)
    LANGUAGE plpgsql AS $$
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
    -- No row from the claim (nothing became ready alone, or the step was taken meanwhile): the step columns are NULL.
    RETURN QUERY
        SELECT v_status, c.* FROM (SELECT 1) AS one LEFT JOIN LATERAL tasker_claim_step(v_next, p_worker) c ON true;
END;
$$;
