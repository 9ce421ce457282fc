-- Retention (the orchestration's Retention) deletes the tasks finished longest ago, a batch at a time:
-- status terminal and completed_at before the cutoff, oldest first. completed_at is set only when a task ends and
-- cleared when it is resumed, so this index holds finished tasks alone and each batch reads its rows in order
-- instead of scanning the table. Tasks in motion, the hot path's rows, are not in it and cost it nothing.
CREATE INDEX tasker_tasks_finished ON tasker_tasks (completed_at) WHERE completed_at IS NOT NULL;

-- Deleting a task makes its foreign keys' cascades look up the rows of each child table by task_uuid. Steps and
-- both transition tables have an index that starts with it; edges had none, so each deleted task cost a scan of
-- every edge of every task: 500 tasks took 19 s against 600,000 edges, 80 ms with this index. It costs one
-- index entry per edge, written once when the task is created.
CREATE INDEX tasker_edges_task ON tasker_workflow_step_edges (task_uuid);
