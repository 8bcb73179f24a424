"""Our connectors driven by PyAirbyte (the `airbyte` package), as a PyAirbyte user would drive them.

  pyairbyte_interop.py read-to-cache REQUEST_JSON RESULT_JSON
      source (e.g. our source-postgres, as a local executable) -> PyAirbyte's DuckDB cache; the
      result holds what the cache then has, read back through PyAirbyte's own API.
  pyairbyte_interop.py write-to-destination REQUEST_JSON RESULT_JSON
      source (e.g. Airbyte's source-faker) -> read() into a DuckDB cache -> destination.write()
      (e.g. our destination-postgres, as a local executable).

REQUEST_JSON names the executables, their configs and the streams; RESULT_JSON is written at the end.
"""
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import airbyte as ab
from airbyte.caches import DuckDBCache


def _source(request):
    source = ab.get_source(
        request["source_name"],
        config=request["source_config"],
        local_executable=request["source_executable"],
        streams=request["streams"],
    )
    for stream, cursor in request.get("cursor_keys", {}).items():
        source.set_cursor_key(stream, cursor)
    return source


def _cache(request):
    return DuckDBCache(db_path=request["cache_path"], schema_name=request["cache_schema"])


def read_to_cache(request):
    source = _source(request)
    source.check()
    cache = _cache(request)
    result = source.read(cache=cache, force_full_refresh=request.get("force_full_refresh", False))
    streams = {}
    for name in request["streams"]:
        dataset = cache[name]
        frame = dataset.to_pandas()
        columns = request["columns"]
        rows = [{c: _plain(row[c]) for c in columns} for row in frame.to_dict(orient="records")]
        rows.sort(key=lambda r: json.dumps(r, sort_keys=True))
        streams[name] = {"rows": rows, "columns": list(frame.columns)}
    return {"processed_records": result.processed_records, "streams": streams}


def write_to_destination(request):
    source = _source(request)
    read = source.read(cache=_cache(request))
    destination = ab.get_destination(
        request["destination_name"],
        config=request["destination_config"],
        local_executable=request["destination_executable"],
    )
    destination.check()
    written = destination.write(read)
    counts = {name: len(read.cache[name].to_pandas()) for name in request["streams"]}
    users = read.cache["users"].to_pandas() if "users" in request["streams"] else None
    return {
        "read_records": read.processed_records,
        "written_records": written.processed_records,
        "cached_counts": counts,
        "cached_user_emails": sorted([[int(r["id"]), r["email"]] for r in users.to_dict(orient="records")])
        if users is not None else [],
    }


def _plain(value):
    """A cache value as JSON: numbers and strings as they are, instants as epoch seconds, NaN/NaT/None as null."""
    if value is None:
        return None
    if isinstance(value, datetime):  # pandas Timestamps too; the cache's naive ones are UTC
        if value != value:  # NaT
            return None
        return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).timestamp()
    if isinstance(value, float) and value != value:
        return None
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


COMMANDS = {"read-to-cache": read_to_cache, "write-to-destination": write_to_destination}

if __name__ == "__main__":
    command, request_file, result_file = sys.argv[1:4]
    if command not in COMMANDS:
        sys.exit(f"unknown command {command!r}: one of {', '.join(COMMANDS)}")
    request = json.loads(Path(request_file).read_text(encoding="utf-8"))
    outcome = COMMANDS[command](request)
    Path(result_file).write_text(json.dumps(outcome), encoding="utf-8")
