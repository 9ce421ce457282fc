-- Task and step states as types: a domain each, over text, so that a state nobody defined can never be stored
-- (in a task or step row, or in a transition) while every query, function and JDBC call goes on using text. The
-- lists are the enums TaskState and StepState of tasker-shared; StateTypesTest compares them.
CREATE DOMAIN tasker_task_state AS text CHECK (VALUE IN (
    'pending', 'initializing', 'enqueuing_steps', 'steps_in_process', 'evaluating_results',
    'waiting_for_dependencies', 'waiting_for_retry', 'blocked_by_failures',
    'complete', 'error', 'cancelled', 'resolved_manually'));

CREATE DOMAIN tasker_step_state AS text CHECK (VALUE IN (
    'pending', 'enqueued', 'in_progress', 'enqueued_for_orchestration', 'enqueued_as_error_for_orchestration',
    'waiting_for_retry', 'complete', 'error', 'cancelled', 'resolved_manually'));

-- The terminal task states, defined here only (TaskState.isTerminal in Java): a task in one of them runs no more
-- steps; error alone may be resumed by an operator (task retry, step resolve).
CREATE FUNCTION tasker_task_is_terminal(p_status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT p_status IN ('complete', 'error', 'cancelled', 'resolved_manually')
$$;

-- A column's type cannot change under a trigger's WHEN clause or a partial index that reads it; both are made again
-- on the terminal set's one definition.
DROP TRIGGER tasker_task_done_notify ON tasker_tasks;
DROP INDEX tasker_tasks_active;

ALTER TABLE tasker_tasks ALTER COLUMN status TYPE tasker_task_state;
ALTER TABLE tasker_workflow_steps ALTER COLUMN current_state TYPE tasker_step_state;
ALTER TABLE tasker_task_transitions
    ALTER COLUMN from_state TYPE tasker_task_state,
    ALTER COLUMN to_state TYPE tasker_task_state;
ALTER TABLE tasker_workflow_step_transitions
    ALTER COLUMN from_state TYPE tasker_step_state,
    ALTER COLUMN to_state TYPE tasker_step_state;

-- The sweeper looks for tasks still in motion.
CREATE INDEX tasker_tasks_active ON tasker_tasks (updated_at) WHERE NOT tasker_task_is_terminal(status);

-- Wake long-polling waiters (GET /v1/tasks/{uuid}/wait) the moment a task reaches a terminal state, whichever
-- code path (or replica) moved it there. The function is in R__hot_path_functions.sql.
CREATE TRIGGER tasker_task_done_notify AFTER UPDATE OF status ON tasker_tasks
    FOR EACH ROW
    WHEN (tasker_task_is_terminal(NEW.status) AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION tasker_task_done_notify();
