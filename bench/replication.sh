#!/usr/bin/env bash
# The replication engine's overhead: source-postgres → destination-postgres on the standard table
# (../shared/bench/bench_events.sql), against the machine's PostgreSQL 15 (started if needed).
# Usage: bench/replication.sh [ROWS]   (default 1000000; builds what it needs)
# Cases, one RESULT line each, in one run:
#   copy          psql COPY … TO STDOUT | psql COPY … FROM STDIN (the yardstick)
#   pipe          source-postgres read | destination-postgres write, no platform
#   pipe_rows     the same with records as typed rows (the fast path)
#   engine_local  the same as pipe through the replication engine, connectors as local processes
#   engine_local_rows  the same as pipe_rows through the engine (its ratio_vs_pipe against pipe_rows)
#   engine_docker the same with the connectors in Docker containers (when a daemon answers)
# ratio_vs_copy = copy seconds / case seconds; ratio_vs_pipe = pipe seconds / case seconds.
# For the engine cases peak_rss_mb is the engine JVM's own (ENGINE_JAVA_OPTS, default -Xmx128m), not the
# connectors'.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
. bench/lib.sh

./mvnw -q -B -pl bench,connectors/source-postgres,connectors/destination-postgres -am package -DskipTests >/dev/null
CP="bench/target/classes:$(cat bench/target/classpath.txt)"

bench_pg_start
bench_load_events "$ROWS" "$(pwd)/../shared/bench/bench_events.sql"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
bench_configs "$DIR"
bench_copy_case "$DIR" "$ROWS"
bench_pipe_case "$DIR" "$ROWS" pipe destination-postgres pg_dest.json
bench_check_rows pipe "$ROWS"
PIPE_SECONDS="$CASE_SECONDS"
bench_pipe_case "$DIR" "$ROWS" pipe_rows destination-postgres pg_dest.json typed-rows-v1
bench_check_rows pipe_rows "$ROWS"
PIPE_ROWS_SECONDS="$CASE_SECONDS"
# the engine JVM: a small heap shows memory is bounded by the queue (4 MB), not by the table
ENGINE_JAVA_OPTS="${ENGINE_JAVA_OPTS:--XX:+UseParallelGC -Xmx128m}"

field() { sed -n "s/.*\b$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

# args: mode (local|docker) [format]: json (the default) or typed-rows-v1 (case engine_<mode>_rows, compared with
# pipe_rows)
engine_case() {
  local mode="$1" format="${2:-json}" line records name="engine_$1" pipe="$PIPE_SECONDS"
  [ "$format" = json ] || { name="engine_${mode}_rows"; pipe="$PIPE_ROWS_SECONDS"; }
  line=$(java $ENGINE_JAVA_OPTS -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$CP" \
    io.airbyte.bench.ReplicationBenchmark "$mode" "$DIR" connectors "$format")
  records=$(field records "$line")
  [ "$records" = "$ROWS" ] || { echo "$name committed $records records, expected $ROWS" >&2; exit 1; }
  bench_check_rows "$name" "$ROWS"
  local seconds
  seconds=$(field seconds "$line")
  echo "$(bench_result "$name" "$ROWS" "$seconds" "$(field bytes "$line")" "$COPY_SECONDS" \
    "$(field engine_peak_rss_mb "$line")") ratio_vs_pipe=$(awk -v p="$pipe" -v s="$seconds" 'BEGIN { printf "%.2f", p / s }') engine_peak_heap_mb=$(field engine_peak_heap_mb "$line") engine_cpu_s=$(field engine_cpu_s "$line")"
}

engine_case local
engine_case local typed-rows-v1
if docker info >/dev/null 2>&1; then
  BASE="${AIRBYTE_BASE_IMAGE:-airbyte/jre-base:17}"
  for c in source-postgres destination-postgres; do
    docker build -q --build-arg BASE_IMAGE="$BASE" -t "airbyte/$c:dev" "connectors/$c" >/dev/null
  done
  engine_case docker
else
  echo "no Docker daemon: engine_docker skipped" >&2
fi
