-- which worker ran an attempt's replication (AIRBYTE_WORKER_ID, or the worker's host name and pid):
-- with several workers on one task queue, an attempt's log and failures are looked for on that worker
ALTER TABLE attempt ADD COLUMN worker_id text;
