"""PyAirbyte reading a connector into its DuckDB cache, for bench/python-connectors.sh.

Usage: pyairbyte_read.py SOURCE_NAME EXECUTABLE CONFIG_JSON STREAM CACHE_FILE
Prints: records=<records PyAirbyte processed> cached=<rows in the cache table> seconds=<wall time of read()>
"""
import json
import sys
import time

import airbyte as ab
from airbyte.caches import DuckDBCache

name, executable, config_file, stream, cache_file = sys.argv[1:6]
with open(config_file, encoding="utf-8") as f:
    config = json.load(f)
source = ab.get_source(name, config=config, local_executable=executable, streams=[stream])
cache = DuckDBCache(db_path=cache_file, schema_name="bench_out")
start = time.monotonic()
result = source.read(cache=cache, force_full_refresh=True)
seconds = time.monotonic() - start
cached = len(cache[stream])
print(f"records={result.processed_records} cached={cached} seconds={seconds:.3f}")
