#!/usr/bin/env bash
# Airbyte's source-faker (a Python connector from PyPI, at the version pinned in
# airbyte-test-support/src/main/resources/python-pins.properties) moved five ways in one run, with the
# same config ({"count": COUNT, "seed": 1, "parallelism": 2}, stream users):
#   source_only  source-faker read alone, its records counted (what the others cannot exceed)
#   pipe       source-faker read | destination-duckdb write (our jar), no platform
#   engine     the same through the replication engine with the local process factory, driven directly
#              (io.airbyte.bench.PythonConnectorBenchmark, as bench/replication.sh does): the engine
#              alone, without the server, the scheduler or Temporal
#   platform   the whole platform: the standalone jar started, a python_package definition of the
#              pinned source-faker added through the public API, a source of it, a destination-duckdb
#              destination, a connection of users (full refresh, overwrite), one sync job through
#              POST /jobs, polled until it succeeds. The worker's environments are the tests' ones
#              (AIRBYTE_PYTHON_ENVIRONMENTS_DIR=~/.cache/airbyte-test-python), so nothing is installed.
#   pyairbyte  PyAirbyte (pinned) reading the same source-faker executable into its DuckDB cache
# Usage: bench/python-connectors.sh [COUNT]   (default 200000, a run of 25–70 s per case here; builds what it needs; the virtual
# environments are the tests' ones in ~/.cache/airbyte-test-python, made on the first run)
# Each RESULT line: seconds (the sync itself: the engine's replication, the platform job's duration as
# the API gives it (created to finished: the attempt's source and destination checks and its
# replication), PyAirbyte's read(), the pipe's wall time), wall_s (the whole process, start-up
# included: for the platform, from java -jar until the job had ended, with the definition, source,
# destination and connection made through the API), rows_per_s = rows / seconds, and
# peak_rss_mb = the peak of the summed RSS of the whole process tree (sampled from /proc every 0.1 s;
# for the platform, the platform's JVM and the connectors it launches, over its whole life), with each
# process's own peak after it (the platform's metadata PostgreSQL counts only until it detaches from
# the JVM at start). The platform's line also has replication_s (the attempt's replication alone, from
# its log's "Replication completed … in PT…S": what the engine's seconds measure), job_poll_s (from the
# POST /jobs to the poll, every 0.25 s, that saw it end), ready_s (java -jar until /health answered) and
# setup_s (the definition, source, destination and connection: their spec, check and discover runs).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200000}"
. bench/lib.sh

./mvnw -q -B -pl bench,connectors/destination-duckdb,airbyte-standalone -am package -DskipTests >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA_QUIET="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"

ENVS=$(java $JAVA_QUIET -cp "$CP" io.airbyte.bench.PythonConnectorBenchmark install)
FAKER=$(sed -n 's/.*faker=\([^ ]*\).*/\1/p' <<<"$ENVS")
PYAB=$(sed -n 's/.*pyairbyte_python=\([^ ]*\).*/\1/p' <<<"$ENVS")
FAKER_VERSION=$(sed -n 's/.*faker_version=\([^ ]*\).*/\1/p' <<<"$ENVS")
PYTHON_ENVIRONMENTS=$(sed -n 's/.*python_environments=\([^ ]*\).*/\1/p' <<<"$ENVS")
DIR=$(mktemp -d)
PLATFORM_PID=
trap 'bench_platform_stop; rm -rf "$DIR"' EXIT

echo "{\"count\": $COUNT, \"seed\": 1, \"parallelism\": 2}" > "$DIR/faker.json"  # 2: the cores of this machine, as its spec advises
echo "{\"destination_path\": \"$DIR/engine.duckdb\", \"schema\": \"bench_out\"}" > "$DIR/duck_dest.json"
echo "{\"destination_path\": \"$DIR/pipe.duckdb\", \"schema\": \"bench_out\"}" > "$DIR/pipe_dest.json"
"$FAKER" discover --config "$DIR/faker.json" | python3 -c "
import sys, json
for line in sys.stdin:
    m = json.loads(line)
    if m.get('type') == 'CATALOG':
        s = [s for s in m['catalog']['streams'] if s['name'] == 'users'][0]
        json.dump({'streams': [{'stream': s, 'sync_mode': 'full_refresh', 'destination_sync_mode': 'overwrite',
                                'generation_id': 1, 'minimum_generation_id': 1, 'sync_id': 1}]}, open('$DIR/catalog.json', 'w'))
        break
else:
    sys.exit('discover found no users stream')"

duck_count() { # our DuckDB (2.x): PyAirbyte's duckdb 1.x cannot open destination-duckdb's files
  java $JAVA_QUIET -cp "$CP" io.airbyte.bench.DuckDbCount "$1" "$2"
}
check_rows() {
  local name="$1" have="$2"
  [ "$have" = "$COUNT" ] || { echo "$name: $have rows, expected $COUNT" >&2; exit 1; }
}
field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
result() { # name seconds wall_s rss_file extra
  awk -v n="$1" -v r="$COUNT" -v s="$2" -v w="$3" -v x="$5" -v m="$(cat "$4")" 'BEGIN {
    printf "RESULT name=%s rows=%d seconds=%.3f rows_per_s=%.0f wall_s=%.1f %s%s\n", n, r, s, r / s, w, m, x }'
}

# source alone: the ceiling of the three cases below
start=$(bench_now)
python3 bench/tree_rss.py "$DIR/source_rss" sh -c "'$FAKER' read --config '$DIR/faker.json' --catalog '$DIR/catalog.json' \
  | grep -c '\"type\": *\"RECORD\"' > '$DIR/source_records'"
seconds=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
check_rows source_only "$(cat "$DIR/source_records")"
result source_only "$seconds" "$seconds" "$DIR/source_rss" ""

# pipe
start=$(bench_now)
python3 bench/tree_rss.py "$DIR/pipe_rss" sh -c "'$FAKER' read --config '$DIR/faker.json' --catalog '$DIR/catalog.json' \
  | java $BENCH_JAVA_OPTS -jar connectors/destination-duckdb/target/destination-duckdb.jar write \
      --config '$DIR/pipe_dest.json' --catalog '$DIR/catalog.json' > '$DIR/pipe_out'"
seconds=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
grep -q '"type":"STATE"' "$DIR/pipe_out" || { echo "pipe: the destination committed no state" >&2; exit 1; }
check_rows pipe "$(duck_count "$DIR/pipe.duckdb" "SELECT count(*) FROM bench_out.users")"
result pipe "$seconds" "$seconds" "$DIR/pipe_rss" ""

# engine
start=$(bench_now)
python3 bench/tree_rss.py "$DIR/engine_rss" java -XX:+UseParallelGC -Xmx128m $JAVA_QUIET -cp "$CP" \
  io.airbyte.bench.PythonConnectorBenchmark engine "$DIR" connectors > "$DIR/engine_line"
wall=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
line=$(cat "$DIR/engine_line")
check_rows engine "$(field records "$line")"
check_rows engine "$(duck_count "$DIR/engine.duckdb" "SELECT count(*) FROM bench_out.users")"
result engine "$(field seconds "$line")" "$wall" "$DIR/engine_rss" " engine_cpu_s=$(field engine_cpu_s "$line")"

# platform
BENCH_PLATFORM_RSS="$DIR/platform_rss" bench_platform_start "$DIR" AIRBYTE_PYTHON_ENVIRONMENTS_DIR="$PYTHON_ENVIRONMENTS"
setup_start=$(bench_now)
WS=$(bench_api GET /workspaces | bench_json "['data'][0]['workspaceId']")
DEF=$(bench_api POST "/workspaces/$WS/definitions/sources" "{\"name\":\"source-faker (PyPI)\",\"runtime\":{\"type\":\"python_package\",\"package\":\"airbyte-source-faker\",\"version\":\"$FAKER_VERSION\"}}" \
  | bench_json "['id']")
SRC=$(bench_api POST /sources "{\"name\":\"bench faker\",\"workspaceId\":\"$WS\",\"definitionId\":\"$DEF\",\"configuration\":$(cat "$DIR/faker.json")}" \
  | bench_json "['sourceId']")
DST=$(bench_api POST /destinations "{\"name\":\"bench duckdb\",\"workspaceId\":\"$WS\",\"configuration\":{\"destinationType\":\"duckdb\",\"destination_path\":\"$DIR/platform.duckdb\",\"schema\":\"bench_out\"}}" \
  | bench_json "['destinationId']")
CON=$(bench_api POST /connections "{\"sourceId\":\"$SRC\",\"destinationId\":\"$DST\",\"name\":\"bench faker\",\"configurations\":{\"streams\":[{\"name\":\"users\",\"syncMode\":\"full_refresh_overwrite\"}]}}" \
  | bench_json "['connectionId']")
setup=$(awk -v a="$setup_start" -v b="$(bench_now)" 'BEGIN { printf "%.1f", b - a }')
bench_platform_job "$CON"
wall=$(awk -v a="$PLATFORM_START" -v b="$(bench_now)" 'BEGIN { print b - a }')
# the replication alone, as the attempt's log gives it ("Replication completed: … in PT12.178S")
curl -sS --fail-with-body -u airbyte:bench "http://localhost:$PLATFORM_PORT/api/v1/jobs/$JOB_ID/attempts/0/log" > "$DIR/attempt.log"
replication=$(python3 -c "
import re, sys
m = re.search(r'Replication completed: .* in PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?', open(sys.argv[1]).read())
if not m:
    sys.exit('the attempt log has no Replication completed line')
h, mi, s = m.groups()
print('%.1f' % (int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0)))" "$DIR/attempt.log")
bench_platform_stop
check_rows platform "$JOB_ROWS"
check_rows platform "$(duck_count "$DIR/platform.duckdb" "SELECT count(*) FROM bench_out.users")"
result platform "$JOB_SECONDS" "$wall" "$DIR/platform_rss" \
  " replication_s=$replication job_poll_s=$(printf %.1f "$JOB_POLL_SECONDS") ready_s=$PLATFORM_READY_S setup_s=$setup"

# pyairbyte
start=$(bench_now)
(cd "$DIR" && AIRBYTE_OFFLINE_MODE=1 DO_NOT_TRACK=1 AIRBYTE_LOGGING_ROOT="$DIR/pyairbyte-logs" \
  python3 "$OLDPWD/bench/tree_rss.py" "$DIR/pyab_rss" "$PYAB" "$OLDPWD/bench/pyairbyte_read.py" \
    source-faker "$FAKER" "$DIR/faker.json" users "$DIR/pyairbyte.duckdb" > "$DIR/pyab_out" 2> "$DIR/pyab_err") \
  || { cat "$DIR/pyab_err" >&2; exit 1; }
wall=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
line=$(grep '^records=' "$DIR/pyab_out")
check_rows pyairbyte "$(field cached "$line")"
result pyairbyte "$(field seconds "$line")" "$wall" "$DIR/pyab_rss" ""
