-- A definition version says how its connector runs: a runtime (ConnectorRuntime as JSON, with a "type"),
-- in place of the Docker repository and tag. Built-in definitions run our jars; the others their image.
ALTER TABLE actor_definition_version ADD COLUMN runtime jsonb;

UPDATE actor_definition_version v
SET runtime = CASE
    WHEN d.built_in THEN jsonb_build_object('type', 'built_in_jar',
        'name', regexp_replace(v.docker_repository, '^.*/', ''))
    ELSE jsonb_build_object('type', 'docker_image', 'repository', v.docker_repository, 'tag', v.docker_image_tag)
  END
FROM actor_definition d
WHERE d.id = v.actor_definition_id;

ALTER TABLE actor_definition_version ALTER COLUMN runtime SET NOT NULL;
ALTER TABLE actor_definition_version ADD CONSTRAINT actor_definition_version_runtime_type
  CHECK (jsonb_typeof(runtime) = 'object' AND runtime ? 'type');

-- the tag was the version's name; a runtime carries its own image
ALTER TABLE actor_definition_version RENAME COLUMN docker_image_tag TO version;
ALTER TABLE actor_definition_version DROP COLUMN docker_repository;
-- with it goes the index actor_definition_built_in_repository: built-in definitions have fixed ids
ALTER TABLE actor_definition DROP COLUMN docker_repository;
