-- Each heartbeat carries the worker's own status (its /status document) and how often it heartbeats, so the
-- registry can say whether a worker is healthy without anyone reaching the worker (which, in a Docker network,
-- Kubernetes or behind NAT, an operator cannot).
ALTER TABLE tasker_workers
    ADD COLUMN reported_status       jsonb,
    ADD COLUMN heartbeat_interval_ms bigint CHECK (heartbeat_interval_ms > 0);
