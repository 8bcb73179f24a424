# Validates the declarative manifest in the JSON file argv[1] the way airbyte-cdk does before it runs
# one (references resolved, types and $parameters propagated, then the declarative component schema,
# then the components built), and prints one JSON line: {"valid": true} or
# {"valid": false, "path": "$.streams[0]...", "message": "..."}.
import json
import sys

from jsonschema.exceptions import ValidationError
from airbyte_cdk.sources.declarative.concurrent_declarative_source import ConcurrentDeclarativeSource


def main():
    with open(sys.argv[1]) as f:
        manifest = json.load(f)
    try:
        ConcurrentDeclarativeSource(source_config=manifest, config={}, emit_connector_builder_messages=True)
    except ValidationError as e:
        cause = e.__cause__ if isinstance(e.__cause__, ValidationError) else e
        print(json.dumps({"valid": False, "path": cause.json_path, "message": cause.message}))
        return
    except Exception as e:  # a manifest the schema takes but the CDK cannot build
        print(json.dumps({"valid": False, "path": None, "message": f"{type(e).__name__}: {e}"}))
        return
    print(json.dumps({"valid": True}))


main()
