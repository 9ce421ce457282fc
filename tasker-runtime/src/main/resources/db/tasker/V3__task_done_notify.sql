-- Wake long-polling waiters (GET /v1/tasks/{uuid}/wait) the moment a task reaches a terminal state, whichever
-- code path (or replica) moved it there.
CREATE FUNCTION tasker_task_done_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tasker_task_done', NEW.task_uuid::text);
    RETURN NULL;
END;
$$;
CREATE TRIGGER tasker_task_done_notify AFTER UPDATE OF status ON tasker_tasks
    FOR EACH ROW
    WHEN (NEW.status IN ('complete', 'error', 'cancelled', 'resolved_manually') AND OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION tasker_task_done_notify();
