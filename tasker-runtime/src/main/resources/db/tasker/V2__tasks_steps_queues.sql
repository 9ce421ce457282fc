-- Templates: immutable per (namespace, name, version). version_sort orders versions numerically (1.10.0 > 1.9.0).
CREATE TABLE tasker_named_tasks (
    named_task_uuid    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    namespace_uuid     uuid        NOT NULL REFERENCES tasker_namespaces (namespace_uuid),
    namespace          text        NOT NULL,
    name               text        NOT NULL,
    version            text        NOT NULL,
    version_sort       int[]       NOT NULL,
    description        text,
    configuration      jsonb       NOT NULL,
    configuration_hash text        NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (namespace, name, version)
);
CREATE INDEX tasker_named_tasks_newest ON tasker_named_tasks (namespace, name, version_sort DESC);

CREATE TABLE tasker_tasks (
    task_uuid       uuid        PRIMARY KEY,
    named_task_uuid uuid        NOT NULL REFERENCES tasker_named_tasks (named_task_uuid),
    namespace       text        NOT NULL,
    name            text        NOT NULL,
    version         text        NOT NULL,
    status          text        NOT NULL,
    context         jsonb       NOT NULL,
    initiator       text,
    source_system   text,
    reason          text,
    tags            text[]      NOT NULL DEFAULT '{}',
    priority        int         NOT NULL DEFAULT 0,
    correlation_id  text        NOT NULL,
    idempotency_key text        UNIQUE,
    request_hash    text,
    created_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at      timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at    timestamptz
);
-- Listing is newest first, optionally filtered; each filter has an index that keeps that order.
CREATE INDEX tasker_tasks_created ON tasker_tasks (created_at DESC, task_uuid DESC);
CREATE INDEX tasker_tasks_ns_name_created ON tasker_tasks (namespace, name, created_at DESC);
CREATE INDEX tasker_tasks_status_created ON tasker_tasks (status, created_at DESC);
CREATE INDEX tasker_tasks_correlation ON tasker_tasks (correlation_id);
CREATE INDEX tasker_tasks_initiator ON tasker_tasks (initiator, created_at DESC) WHERE initiator IS NOT NULL;
CREATE INDEX tasker_tasks_source_system ON tasker_tasks (source_system, created_at DESC) WHERE source_system IS NOT NULL;
CREATE INDEX tasker_tasks_tags ON tasker_tasks USING gin (tags);
-- The sweeper looks for tasks still in motion.
CREATE INDEX tasker_tasks_active ON tasker_tasks (updated_at)
    WHERE status NOT IN ('complete', 'error', 'cancelled', 'resolved_manually');

CREATE TABLE tasker_workflow_steps (
    step_uuid         uuid        PRIMARY KEY,
    task_uuid         uuid        NOT NULL REFERENCES tasker_tasks (task_uuid) ON DELETE CASCADE,
    name              text        NOT NULL,
    position          int         NOT NULL,
    handler           text        NOT NULL,
    dependencies      text[]      NOT NULL DEFAULT '{}',
    handler_config    jsonb,
    current_state     text        NOT NULL,
    attempts          int         NOT NULL DEFAULT 0,
    retry_limit       int         NOT NULL,
    retryable         boolean     NOT NULL,
    backoff_base_ms   bigint      NOT NULL,
    max_backoff_ms    bigint      NOT NULL,
    timeout_seconds   int         NOT NULL,
    next_retry_at     timestamptz,
    last_attempted_at timestamptz,
    claimed_by        text,
    claim_deadline    timestamptz,
    results           jsonb,
    error             jsonb,
    created_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_at        timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at      timestamptz,
    UNIQUE (task_uuid, name)
);
-- The sweeper finds steps whose worker went away.
CREATE INDEX tasker_steps_in_progress ON tasker_workflow_steps (claim_deadline) WHERE current_state = 'in_progress';

CREATE TABLE tasker_workflow_step_edges (
    task_uuid      uuid NOT NULL REFERENCES tasker_tasks (task_uuid) ON DELETE CASCADE,
    from_step_uuid uuid NOT NULL REFERENCES tasker_workflow_steps (step_uuid) ON DELETE CASCADE,
    to_step_uuid   uuid NOT NULL REFERENCES tasker_workflow_steps (step_uuid) ON DELETE CASCADE,
    PRIMARY KEY (to_step_uuid, from_step_uuid)
);
CREATE INDEX tasker_edges_from ON tasker_workflow_step_edges (from_step_uuid);

CREATE TABLE tasker_task_transitions (
    id         bigserial   PRIMARY KEY,
    task_uuid  uuid        NOT NULL REFERENCES tasker_tasks (task_uuid) ON DELETE CASCADE,
    from_state text,
    to_state   text        NOT NULL,
    metadata   jsonb,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tasker_task_transitions_task ON tasker_task_transitions (task_uuid, id);

CREATE TABLE tasker_workflow_step_transitions (
    id         bigserial   PRIMARY KEY,
    step_uuid  uuid        NOT NULL REFERENCES tasker_workflow_steps (step_uuid) ON DELETE CASCADE,
    task_uuid  uuid        NOT NULL REFERENCES tasker_tasks (task_uuid) ON DELETE CASCADE,
    from_state text,
    to_state   text        NOT NULL,
    metadata   jsonb,
    created_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX tasker_step_transitions_task ON tasker_workflow_step_transitions (task_uuid, id);
CREATE INDEX tasker_step_transitions_step ON tasker_workflow_step_transitions (step_uuid, id);

-- Queues: one table, one named queue per namespace ("worker_<namespace>_queue") and the orchestration's
-- results queue. A consumer claims with FOR UPDATE SKIP LOCKED; visible_at implements both the visibility
-- timeout of a claimed message and delayed delivery. Messages carry ids only.
CREATE TABLE tasker_queue_messages (
    msg_id      bigserial   PRIMARY KEY,
    queue       text        NOT NULL,
    message     jsonb       NOT NULL,
    enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    visible_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    read_count  int         NOT NULL DEFAULT 0
);
CREATE INDEX tasker_queue_ready ON tasker_queue_messages (queue, visible_at, msg_id);
CREATE INDEX tasker_queue_task ON tasker_queue_messages ((message ->> 'task_uuid'));

-- Wake consumers at once. Notifications with the same payload in one transaction are delivered once.
CREATE FUNCTION tasker_queue_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tasker_queue', NEW.queue);
    RETURN NULL;
END;
$$;
CREATE TRIGGER tasker_queue_notify AFTER INSERT ON tasker_queue_messages
    FOR EACH ROW EXECUTE FUNCTION tasker_queue_notify();

CREATE TABLE tasker_workers (
    worker_id         text        PRIMARY KEY,
    namespaces        text[]      NOT NULL,
    api_url           text,
    version           text,
    started_at        timestamptz,
    registered_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    last_heartbeat_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    deregistered_at   timestamptz
);
CREATE INDEX tasker_workers_namespaces ON tasker_workers USING gin (namespaces);
