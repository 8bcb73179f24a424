-- API applications: a client id and the hash of its secret; tokens are signed, not stored.
CREATE TABLE application (
  id uuid PRIMARY KEY,
  workspace_id uuid REFERENCES workspace (id),
  name text NOT NULL,
  client_id text NOT NULL UNIQUE,
  client_secret_hash text NOT NULL,
  tombstone boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
