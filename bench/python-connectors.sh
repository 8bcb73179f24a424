#!/usr/bin/env bash
# Airbyte's source-faker (a Python connector from PyPI, at the version pinned in
# airbyte-test-support/src/main/resources/python-pins.properties) moved three ways in one run, with the
# same config ({"count": COUNT, "seed": 1, "parallelism": 2}, stream users):
#   source_only  source-faker read alone, its records counted (what the three others cannot exceed)
#   pipe       source-faker read | destination-duckdb write (our jar), no platform
#   engine     the same through the replication engine with the local process factory, the way the
#              platform runs a python_package definition (the API cannot add one yet, so the engine is
#              driven directly, as bench/replication.sh does)
#   pyairbyte  PyAirbyte (pinned) reading the same source-faker executable into its DuckDB cache
# Usage: bench/python-connectors.sh [COUNT]   (default 200000, a run of 25–70 s per case here; builds what it needs; the virtual
# environments are the tests' ones in ~/.cache/airbyte-test-python, made on the first run)
# Each RESULT line: seconds (the sync itself: the engine's replication, PyAirbyte's read(), the pipe's
# wall time), wall_s (the whole process, start-up included), rows_per_s = rows / seconds, and
# peak_rss_mb = the peak of the summed RSS of the whole process tree (sampled from /proc every 0.1 s),
# with each process's own peak after it.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-200000}"
. bench/lib.sh

./mvnw -q -B -pl bench,connectors/destination-duckdb -am package -DskipTests >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"
JAVA_QUIET="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"

ENVS=$(java $JAVA_QUIET -cp "$CP" io.airbyte.bench.PythonConnectorBenchmark install)
FAKER=$(sed -n 's/.*faker=\([^ ]*\).*/\1/p' <<<"$ENVS")
PYAB=$(sed -n 's/.*pyairbyte_python=\([^ ]*\).*/\1/p' <<<"$ENVS")
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT

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
