-- Retention (the orchestration's Retention) deletes the tasks finished longest ago, a batch at a time:
-- status terminal and completed_at before the cutoff, oldest first. completed_at is set only when a task ends and
-- cleared when it is resumed, so this index holds finished tasks alone and each batch reads its rows in order
-- instead of scanning the table. Tasks in motion, the hot path's rows, are not in it and cost it nothing.
CREATE INDEX tasker_tasks_finished ON tasker_tasks (completed_at) WHERE completed_at IS NOT NULL;
