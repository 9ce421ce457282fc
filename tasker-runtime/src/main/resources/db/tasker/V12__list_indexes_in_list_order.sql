-- GET /v1/tasks reads newest first by (created_at DESC, task_uuid DESC) and pages by a cursor on that pair. Each
-- filter's index now ends in exactly that pair, so the page's keys come from the index alone, in order: a cursor
-- starts where it points and a deep offset skips index entries instead of table rows. The namespace index no longer
-- has name second: with it, a namespace alone (the common filter) could not read in created order and sorted every
-- task of the namespace (100 ms at 1 000 000 tasks); a name within a namespace is now a filter on that index's rows.
-- Same number of indexes as before, so a task's writes cost what they did.
DROP INDEX tasker_tasks_ns_name_created;
CREATE INDEX tasker_tasks_namespace_created ON tasker_tasks (namespace, created_at DESC, task_uuid DESC);

DROP INDEX tasker_tasks_status_created;
CREATE INDEX tasker_tasks_status_created ON tasker_tasks (status, created_at DESC, task_uuid DESC);

DROP INDEX tasker_tasks_initiator;
CREATE INDEX tasker_tasks_initiator ON tasker_tasks (initiator, created_at DESC, task_uuid DESC)
    WHERE initiator IS NOT NULL;

DROP INDEX tasker_tasks_source_system;
CREATE INDEX tasker_tasks_source_system ON tasker_tasks (source_system, created_at DESC, task_uuid DESC)
    WHERE source_system IS NOT NULL;
