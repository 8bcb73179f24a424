#!/usr/bin/env bash
# Speed and memory of the data path on the standard table (../shared/bench/bench_events.sql), against
# the machine's PostgreSQL 15 (started if needed; role bench/bench, databases bench_src and bench_dst).
# Usage: bench/connectors.sh [ROWS]   (default 1000000; run ./mvnw package -DskipTests first; BENCH_EVENTS_SQL=FILE
# names the table's script when ../shared/bench/bench_events.sql is not beside the checkout)
# Cases, one RESULT line each (postgres, duckdb and snowflake twice: records as JSON lines, then as typed rows, the
# fast path both connectors declare, named with _rows: postgres_rows, duckdb_rows, snowflake_rows):
#   copy      psql COPY (SELECT ...) TO STDOUT | psql COPY ... FROM STDIN: the raw pipe, the yardstick
#   postgres  source-postgres read | destination-postgres write (full refresh overwrite)
#   duckdb    source-postgres read | destination-duckdb write (full refresh overwrite)
#   snowflake source-postgres read | destination-snowflake write (full refresh overwrite) into the
#             fakesnow emulator (fakesnow's server mode at its pinned version, started as the tests
#             start it: io.airbyte.bench.FakesnowEmulator over the test support's FakesnowServer, its
#             venv in ~/.cache/airbyte-test-python, made on the first run). The emulator is not
#             Snowflake: the figure guards against regressions and shows the batching (gzipped CSV
#             files, PUT, COPY INTO) works. Its line adds emulator_peak_rss_mb, the emulator's own
#             peak over its life (its database is in memory), which peak_rss_mb does not include.
# BENCH_DESTINATIONS="postgres duckdb" runs only those destinations' cases (default all three; without snowflake the
# emulator is not started).
# Then the parallel read (source-postgres with max_db_connections=BENCH_CONNECTIONS, default 4: the ctid page
# ranges of the table read at once) on typed rows into destination-postgres:
#   postgres_rows_parallel   the same table, its ranges read by several connections
# and BENCH_TABLES (default 20) tables of 100,000 rows each (bench_events' first rows; skipped when ROWS is smaller),
# beside their own raw pipe, the tables one after the other:
#   copy_20x100000                    the raw pipe of each table in turn (the yardstick of the next two lines)
#   postgres_rows_20x100000           one connection: the streams one after the other
#   postgres_rows_20x100000_parallel  the streams read at once on BENCH_CONNECTIONS connections
# ratio_vs_copy = copy seconds / case seconds (1.00 = as fast as the raw pipe); peak_rss_mb is the
# larger of the two connector JVMs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROWS="${1:-1000000}"
DESTINATIONS="${BENCH_DESTINATIONS:-postgres duckdb snowflake}"
. bench/lib.sh

for jar in source-postgres destination-postgres destination-duckdb destination-snowflake; do
  [ -f "connectors/$jar/target/$jar.jar" ] || { echo "connectors/$jar/target/$jar.jar missing: run ./mvnw package -DskipTests" >&2; exit 1; }
done
[ -f bench/target/classpath.txt ] || { echo "bench/target/classpath.txt missing: run ./mvnw package -DskipTests" >&2; exit 1; }
BENCH_CP="bench/target/classes:$(cat bench/target/classpath.txt)"
BENCH_JVM="-Dorg.slf4j.simpleLogger.defaultLogLevel=warn --add-opens=java.base/java.nio=ALL-UNNAMED"

bench_pg_start
bench_load_events "$ROWS" "${BENCH_EVENTS_SQL:-$ROOT/../shared/bench/bench_events.sql}"

DIR=$(mktemp -d)
EMULATOR_PID=
cleanup() {
  if [ -n "$EMULATOR_PID" ]; then exec 7>&-; wait "$EMULATOR_PID" 2>/dev/null || true; fi
  rm -rf "$DIR"
}
trap cleanup EXIT
bench_configs "$DIR"
if [[ " $DESTINATIONS " == *" snowflake "* ]]; then
  # The emulator, before any case runs (its first start makes its venv). FakesnowEmulator serves until its
  # stdin, our fd 7, closes.
  mkfifo "$DIR/emulator_in"
  java $BENCH_JVM -cp "$BENCH_CP" io.airbyte.bench.FakesnowEmulator serve BENCH \
    < "$DIR/emulator_in" > "$DIR/emulator_out" 2> "$DIR/emulator_err" &
  EMULATOR_PID=$!
  exec 7> "$DIR/emulator_in"
  for _ in $(seq 1 1200); do
    grep -q '^host=' "$DIR/emulator_out" && break
    kill -0 "$EMULATOR_PID" 2>/dev/null || { echo "the emulator did not start:" >&2; cat "$DIR/emulator_err" >&2; exit 1; }
    sleep 0.5
  done
  SNOWFLAKE_HOST=$(sed -n 's/^host=\([^ ]*\).*/\1/p' "$DIR/emulator_out")
  FAKESNOW_PID=$(sed -n 's/.* pid=\([0-9]*\).*/\1/p' "$DIR/emulator_out")
  [ -n "$SNOWFLAKE_HOST" ] || { echo "the emulator did not start within 600 s:" >&2; cat "$DIR/emulator_err" >&2; exit 1; }
  cat > "$DIR/snowflake_dest.json" <<EOF
{"host": "$SNOWFLAKE_HOST", "role": "BENCH_ROLE", "warehouse": "BENCH_WAREHOUSE", "database": "BENCH",
 "schema": "BENCH_OUT", "username": "BENCH", "credentials": {"auth_type": "Username and Password", "password": "bench"},
 "jdbc_url_params": "ssl=off&loginTimeout=10"}
EOF
fi
bench_copy_case "$DIR" "$ROWS"
# each destination with records as JSON lines, then as typed rows (the fast path, suffix _rows)
for format in json typed-rows-v1; do
  suffix=$([ "$format" = json ] || echo _rows)
  for destination in $DESTINATIONS; do
    case "$destination" in
      postgres)
        bench_pipe_case "$DIR" "$ROWS" "postgres$suffix" destination-postgres pg_dest.json "$format"
        bench_check_rows "postgres$suffix" "$ROWS" ;;
      duckdb)
        bench_pipe_case "$DIR" "$ROWS" "duckdb$suffix" destination-duckdb duck_dest.json "$format" ;;
      snowflake)
        bench_pipe_case "$DIR" "$ROWS" "snowflake$suffix" destination-snowflake snowflake_dest.json "$format" | tr -d '\n'
        echo " emulator_peak_rss_mb=$(bench_peak_rss_mb "$FAKESNOW_PID")"
        count=$(java $BENCH_JVM -cp "$BENCH_CP" io.airbyte.bench.FakesnowEmulator count "$SNOWFLAKE_HOST" BENCH '"BENCH_OUT"."BENCH_EVENTS"')
        [ "$count" = "$ROWS" ] || { echo "snowflake$suffix: $count rows in the emulator, expected $ROWS" >&2; exit 1; } ;;
      *) echo "unknown destination '$destination' in BENCH_DESTINATIONS (postgres, duckdb, snowflake)" >&2; exit 1 ;;
    esac
  done
done

# the parallel read: the ctid ranges of one table, then many tables at once
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
TABLES="${BENCH_TABLES:-20}"
bench_source_parallel "$DIR" "$CONNECTIONS"
bench_pipe_case "$DIR" "$ROWS" postgres_rows_parallel destination-postgres pg_dest.json typed-rows-v1 source_parallel.json
bench_check_rows postgres_rows_parallel "$ROWS"
if [ "$ROWS" -ge 100000 ]; then
  bench_many_tables "$DIR" "$TABLES" 100000
  bench_copy_many_case "$DIR" "$TABLES" 100000
  bench_pipe_case "$DIR" "$((TABLES * 100000))" "postgres_rows_${TABLES}x100000" destination-postgres pg_dest.json \
    typed-rows-v1 source.json catalog_many.json
  bench_check_many "postgres_rows_${TABLES}x100000" "$TABLES" "$((TABLES * 100000))"
  bench_pipe_case "$DIR" "$((TABLES * 100000))" "postgres_rows_${TABLES}x100000_parallel" destination-postgres pg_dest.json \
    typed-rows-v1 source_parallel.json catalog_many.json
  bench_check_many "postgres_rows_${TABLES}x100000_parallel" "$TABLES" "$((TABLES * 100000))"
fi
