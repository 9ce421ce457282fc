-- The current definition of every function of the schema, in this one file (a Flyway repeatable migration: it
-- runs again, after the versioned ones, whenever it changes). Versioned migrations hold the tables, types and
-- indexes; the functions they once created are replaced by these.
--
-- Task evaluation lives in the database, as functions, so that whichever process records a result applies the
-- same rules in the same transaction: the worker applies a successful step itself (no hop through the
-- orchestration's results queue on the hot path), the orchestration applies failures, retries, wake-ups and
-- manual resolutions. One implementation of the rules, one round trip per result.
--
-- The plans of the functions on the hot path (SET plan_cache_mode, SET enable_seqscan). Two planner defaults cost
-- more than the work itself here:
-- * The plan cache re-plans a statement on every call while its generic plan looks costlier than the plans made
--   for particular parameter values, which for these statements it always did: the readiness query alone spent
--   0.5 ms planning against 0.15 ms executing, on every success report. Their generic plans are the right ones
--   (every statement looks rows up by the task's or the step's key), so they are always used.
-- * A pooled connection keeps its plans for as long as it lives. A plan made while a table is nearly empty (a
--   fresh database: the first minutes of a deployment, a test run, a benchmark) scans it whole, and goes on
--   scanning it as it grows, until an ANALYZE happens to invalidate the plan: on a fresh stack the claim's read of
--   a step's parent results made every success report cost twice as much. A sequential scan is never the right
--   plan for a key lookup, so these functions never use one.
--
-- The claim from the queues is a function so that it is planned like the others: issued as a plain statement, it
-- was re-planned on every call on some stacks and not on others, depending on how the plan cache weighed its
-- generic plan, and planning cost twice what the claim itself did.

-- The task state that follows from its steps' states. Permanent failures stop new steps from starting; the task
-- waits for steps still in flight (blocked_by_failures) and ends in error when none are left.
CREATE OR REPLACE FUNCTION tasker_task_outcome(total int, done int, resolved int, failed int, in_flight int, retrying int)
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
-- With p_hold, a step that is the only one made ready is left as it is (pending, or waiting_for_retry) with no queue
-- message: it is returned as held_step for the caller to claim in the same transaction (tasker_claim_step with
-- p_held: pending -> in_progress, a worker going on with the task it is running), one row version and one
-- transition fewer than enqueueing it first. When several became ready (a fan-out) all are queued, so that
-- consumers with free slots claim them together and they run in parallel.
CREATE OR REPLACE FUNCTION tasker_evaluate_task(p_task uuid, p_status text, p_namespace text, p_cause text,
                                     p_hold boolean DEFAULT false, OUT status text, OUT held_step uuid)
    LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
    n_total int; n_done int; n_resolved int; n_failed int; n_in_flight int; n_retrying int;
    n_enqueued int;
    next_status text;
    meta jsonb;
BEGIN
    status := p_status;
    -- Final: terminal and not error, the one terminal state an operator may resume.
    IF tasker_task_is_terminal(p_status) AND p_status <> 'error' THEN
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
    ), held AS (
        SELECT r.step_uuid FROM ready r WHERE p_hold AND (SELECT count(*) FROM ready) = 1
    ), enqueued AS (
        UPDATE tasker_workflow_steps s
           SET current_state = 'enqueued', next_retry_at = NULL, updated_at = clock_timestamp()
          FROM ready r WHERE s.step_uuid = r.step_uuid AND r.step_uuid NOT IN (SELECT h.step_uuid FROM held h)
        RETURNING s.step_uuid, s.task_uuid, s.position, r.current_state AS from_state
    ), transitions AS (
        INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state)
        SELECT e.step_uuid, e.task_uuid, e.from_state, 'enqueued' FROM enqueued e
    ), messages AS (
        INSERT INTO tasker_queue_messages (queue, message)
        SELECT 'worker_' || p_namespace || '_queue', jsonb_build_object('task_uuid', e.task_uuid, 'step_uuid', e.step_uuid)
          FROM enqueued e
    )
    SELECT (SELECT count(*) FROM ready), (SELECT h.step_uuid FROM held h) INTO n_enqueued, held_step;

    -- A later statement of a function sees the earlier one's updates: these counts include the steps just enqueued,
    -- and the held one is in flight too (its caller claims it in this transaction).
    SELECT count(*),
           count(*) FILTER (WHERE s.current_state IN ('complete', 'resolved_manually')),
           count(*) FILTER (WHERE s.current_state = 'resolved_manually'),
           count(*) FILTER (WHERE s.current_state = 'error'),
           count(*) FILTER (WHERE s.current_state IN ('enqueued', 'in_progress', 'enqueued_for_orchestration',
                                                      'enqueued_as_error_for_orchestration')),
           count(*) FILTER (WHERE s.current_state = 'waiting_for_retry')
      INTO n_total, n_done, n_resolved, n_failed, n_in_flight, n_retrying
      FROM tasker_workflow_steps s WHERE s.task_uuid = p_task;
    IF held_step IS NOT NULL THEN
        n_in_flight := n_in_flight + 1;
    END IF;

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
           completed_at = CASE WHEN tasker_task_is_terminal(next_status) THEN clock_timestamp() END
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
-- its task has ended. Used for a single step: a claim by step id, and, with p_held, the step that
-- tasker_evaluate_task held for a worker going on with its task, which is claimed from where it is (pending or
-- waiting_for_retry; only that caller knows the step is ready). The worker's batch claim from its queues does the
-- same in one set-based statement.
DROP FUNCTION IF EXISTS tasker_claim_step(uuid, text);
CREATE OR REPLACE FUNCTION tasker_claim_step(p_step uuid, p_worker text, p_held boolean DEFAULT false)
    RETURNS TABLE (step_uuid uuid, task_uuid uuid, name text, handler text, attempts int, retry_limit int,
                   timeout_seconds int, claim_deadline timestamptz, handler_config jsonb, namespace text,
                   task_name text, version text, context jsonb, parent_results jsonb)
    LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan SET enable_seqscan = off AS $$
#variable_conflict use_column
DECLARE
    v_from text;
BEGIN
    SELECT s.current_state INTO v_from FROM tasker_workflow_steps s WHERE s.step_uuid = p_step;
    -- Guarded by the state read here: of two claims of one step, the second finds it changed and claims nothing.
    UPDATE tasker_workflow_steps s
       SET current_state = 'in_progress', attempts = s.attempts + 1, last_attempted_at = clock_timestamp(),
           claimed_by = p_worker, claim_deadline = clock_timestamp() + s.timeout_seconds * interval '1 second',
           next_retry_at = NULL, completed_at = NULL, updated_at = clock_timestamp()
     WHERE s.step_uuid = p_step AND s.current_state = v_from
       AND (v_from = 'enqueued' OR (p_held AND v_from IN ('pending', 'waiting_for_retry')))
       AND EXISTS (SELECT 1 FROM tasker_tasks t WHERE t.task_uuid = s.task_uuid
                      AND NOT tasker_task_is_terminal(t.status));
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
    SELECT s.step_uuid, s.task_uuid, v_from, 'in_progress',
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

-- Takes up to p_max visible messages of these queues for the visibility period and claims their steps in one
-- statement. The pick is materialised so that at most p_max are taken; a message whose step is no longer enqueued
-- (a duplicate, a cancelled or resolved step) comes back with NULL step columns, for the caller to delete.
CREATE OR REPLACE FUNCTION tasker_claim_messages(p_queues text[], p_max int, p_visibility_ms bigint, p_worker text)
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
                          AND NOT tasker_task_is_terminal(t.status))
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

-- A worker records a successful attempt and applies it, in one transaction: the step moves in_progress -> complete
-- (one transition, with the report's metadata; it never waits for the orchestration, so no transition says it
-- was enqueued_for_orchestration), its queue message is removed and the task is evaluated. Locks the task before the step, like
-- every other writer of a task's steps.
--
-- With p_worker, the worker goes on with the task: when this result made exactly one step ready, that step is
-- claimed for it at once (pending -> in_progress, no queue message, no NOTIFY, no second round trip) and
-- returned with what the handler needs, in the columns of a queue claim. Otherwise, when the task has no step for
-- this worker to go on with (it finished, or waits on other steps) and none waiting in the queue, the report claims
-- the oldest visible message of the worker's queues (p_queues) in the same statement, as the worker's own claim
-- would: a busy worker so runs task after task without a separate claim per task. queue_msg_id is the taken
-- message's id (NULL for a step the worker goes on with, which has none); when the taken message's step was not
-- claimable its step columns are NULL, for the caller to delete the message. task_status is the task's status
-- afterwards. No row at all means the attempt was no longer the step's current one (reclaimed, cancelled
-- meanwhile): nothing was changed but the removal of its message.
--
-- Locks are taken task, then message, then step. Claims take message, then step, and of the task only the key-share
-- lock that the foreign key of the transition they insert takes; the task is locked FOR NO KEY UPDATE, which that
-- lock does not wait for (FOR UPDATE would: a claim that picked this message, its visibility run out while the
-- step ran, would wait for the task while this waits for the message, a deadlock). Every writer that locks a task
-- does so FOR NO KEY UPDATE for the same reason (LockOrderTest). The delete waits rather than skipping a locked message: a concurrent claim may hold the
-- lock for a moment after its recheck found the message invisible, and a skipped message would stay behind,
-- invisible, for the whole visibility timeout.
CREATE OR REPLACE FUNCTION tasker_complete_step(p_step uuid, p_attempt int, p_results jsonb, p_meta jsonb, p_msg_id bigint,
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
    SELECT t.status, t.namespace INTO v_status, v_namespace FROM tasker_tasks t WHERE t.task_uuid = v_task FOR NO KEY UPDATE;
    DELETE FROM tasker_queue_messages m WHERE m.msg_id = p_msg_id;
    UPDATE tasker_workflow_steps s
       SET current_state = 'complete', results = p_results, error = NULL, claim_deadline = NULL,
           completed_at = clock_timestamp(), updated_at = clock_timestamp()
     WHERE s.step_uuid = p_step AND s.current_state = 'in_progress' AND s.attempts = p_attempt;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    INSERT INTO tasker_workflow_step_transitions (step_uuid, task_uuid, from_state, to_state, metadata)
    VALUES (p_step, v_task, 'in_progress', 'complete', p_meta);

    SELECT e.status, e.held_step INTO v_status, v_next
      FROM tasker_evaluate_task(v_task, v_status, v_namespace, 'step result', p_worker IS NOT NULL) e;

    IF v_next IS NOT NULL THEN
        RETURN QUERY SELECT v_status, NULL::bigint, c.* FROM tasker_claim_step(v_next, p_worker, true) c;
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

-- Wake consumers at once. Notifications with the same payload in one transaction are delivered once.
CREATE OR REPLACE FUNCTION tasker_queue_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tasker_queue', NEW.queue);
    RETURN NULL;
END;
$$;

-- Wakes long-polling waiters (GET /v1/tasks/{uuid}/wait) when a task reaches a terminal state (the trigger is in
-- V10).
CREATE OR REPLACE FUNCTION tasker_task_done_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tasker_task_done', NEW.task_uuid::text);
    RETURN NULL;
END;
$$;
