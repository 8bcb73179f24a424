-- The platform's metadata. Landed migrations are never edited: change the schema in a new V<n>__*.sql.

CREATE TABLE workspace (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  email text,
  is_default boolean NOT NULL DEFAULT false,
  tombstone boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- at most one default workspace
CREATE UNIQUE INDEX workspace_single_default ON workspace (is_default) WHERE is_default;

CREATE TABLE actor_definition (
  id uuid PRIMARY KEY,
  actor_type text NOT NULL CHECK (actor_type IN ('source', 'destination')),
  name text NOT NULL,
  docker_repository text NOT NULL,
  documentation_url text,
  built_in boolean NOT NULL DEFAULT false,
  -- custom definitions belong to a workspace; built-in ones to none
  workspace_id uuid REFERENCES workspace (id),
  default_version_id uuid,
  tombstone boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX actor_definition_built_in_repository ON actor_definition (actor_type, docker_repository) WHERE built_in;

CREATE TABLE actor_definition_version (
  id uuid PRIMARY KEY,
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  docker_repository text NOT NULL,
  docker_image_tag text NOT NULL,
  spec jsonb NOT NULL,
  protocol_version text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (actor_definition_id, docker_image_tag)
);
ALTER TABLE actor_definition ADD CONSTRAINT actor_definition_default_version
  FOREIGN KEY (default_version_id) REFERENCES actor_definition_version (id);

-- secret values, apart from the configurations that refer to them by coordinate
CREATE TABLE secret (
  coordinate text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- sources and destinations
CREATE TABLE actor (
  id uuid PRIMARY KEY,
  workspace_id uuid NOT NULL REFERENCES workspace (id),
  actor_definition_id uuid NOT NULL REFERENCES actor_definition (id),
  actor_type text NOT NULL CHECK (actor_type IN ('source', 'destination')),
  name text NOT NULL,
  -- secrets replaced by {"_secret": "<coordinate>"}
  configuration jsonb NOT NULL,
  tombstone boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX actor_workspace ON actor (workspace_id, actor_type);

CREATE TABLE connection (
  id uuid PRIMARY KEY,
  source_id uuid NOT NULL REFERENCES actor (id),
  destination_id uuid NOT NULL REFERENCES actor (id),
  name text NOT NULL,
  -- the configured catalog: per stream sync mode, cursor, primary key, selected fields
  catalog jsonb NOT NULL,
  namespace_definition text NOT NULL DEFAULT 'destination'
    CHECK (namespace_definition IN ('source', 'destination', 'customformat')),
  namespace_format text,
  prefix text NOT NULL DEFAULT '',
  schedule_type text NOT NULL DEFAULT 'manual' CHECK (schedule_type IN ('manual', 'basic', 'cron')),
  schedule_data jsonb,
  non_breaking_change_preference text NOT NULL DEFAULT 'ignore'
    CHECK (non_breaking_change_preference IN ('ignore', 'disable', 'propagate_columns', 'propagate_fully')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'deprecated')),
  status_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX connection_source ON connection (source_id);
CREATE INDEX connection_destination ON connection (destination_id);

CREATE TABLE job (
  id bigserial PRIMARY KEY,
  connection_id uuid NOT NULL REFERENCES connection (id),
  job_type text NOT NULL CHECK (job_type IN ('sync', 'reset', 'refresh', 'clear')),
  status text NOT NULL CHECK (status IN ('pending', 'running', 'incomplete', 'failed', 'succeeded', 'cancelled')),
  -- the streams a reset, clear or refresh concerns, and what the job ran with
  config jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX job_connection_created ON job (connection_id, created_at DESC, id DESC);
-- at most one unfinished job per connection
CREATE UNIQUE INDEX job_one_unfinished_per_connection ON job (connection_id)
  WHERE status IN ('pending', 'running', 'incomplete');

CREATE TABLE attempt (
  id bigserial PRIMARY KEY,
  job_id bigint NOT NULL REFERENCES job (id),
  attempt_number int NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'failed', 'succeeded', 'cancelled')),
  log_path text,
  output jsonb,
  failure_summary jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  ended_at timestamptz,
  UNIQUE (job_id, attempt_number)
);

CREATE TABLE stream_stats (
  attempt_id bigint NOT NULL REFERENCES attempt (id) ON DELETE CASCADE,
  stream_namespace text NOT NULL DEFAULT '',
  stream_name text NOT NULL,
  records_emitted bigint NOT NULL DEFAULT 0,
  bytes_emitted bigint NOT NULL DEFAULT 0,
  records_committed bigint NOT NULL DEFAULT 0,
  bytes_committed bigint NOT NULL DEFAULT 0,
  estimated_records bigint,
  estimated_bytes bigint,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (attempt_id, stream_namespace, stream_name)
);

-- committed state: one row per stream (STREAM), or one row with an empty stream (GLOBAL, LEGACY)
CREATE TABLE state (
  connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
  state_type text NOT NULL CHECK (state_type IN ('STREAM', 'GLOBAL', 'LEGACY')),
  stream_namespace text NOT NULL DEFAULT '',
  stream_name text NOT NULL DEFAULT '',
  state jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, stream_namespace, stream_name)
);

-- generations of a stream's data in the destination (refresh and clear start a new one)
CREATE TABLE stream_generation (
  connection_id uuid NOT NULL REFERENCES connection (id) ON DELETE CASCADE,
  stream_namespace text NOT NULL DEFAULT '',
  stream_name text NOT NULL,
  generation_id bigint NOT NULL,
  start_job_id bigint REFERENCES job (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (connection_id, stream_namespace, stream_name, generation_id)
);
