#!/usr/bin/env bash
# Speed and memory of the data path on the standard table (../shared/bench/bench_events.sql), against
# the machine's PostgreSQL 15 (started if needed; role bench/bench, databases bench_src and bench_dst).
# Usage: bench/connectors.sh [ROWS]   (default 1000000; run ./mvnw package -DskipTests first)
# Cases, one RESULT line each:
#   copy      psql COPY (SELECT ...) TO STDOUT | psql COPY ... FROM STDIN: the raw pipe, the yardstick
#   postgres  source-postgres read | destination-postgres write (full refresh overwrite)
#   duckdb    source-postgres read | destination-duckdb write (full refresh overwrite)
# ratio_vs_copy = copy seconds / case seconds (1.00 = as fast as the raw pipe); peak_rss_mb is the
# larger of the two connector JVMs.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
ROWS="${1:-1000000}"
. bench/lib.sh

for jar in source-postgres destination-postgres destination-duckdb; do
  [ -f "connectors/$jar/target/$jar.jar" ] || { echo "connectors/$jar/target/$jar.jar missing: run ./mvnw package -DskipTests" >&2; exit 1; }
done

bench_pg_start
bench_load_events "$ROWS" "$ROOT/../shared/bench/bench_events.sql"

DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
bench_configs "$DIR"
bench_copy_case "$DIR" "$ROWS"
bench_pipe_case "$DIR" "$ROWS" postgres destination-postgres pg_dest.json
bench_check_rows postgres "$ROWS"
bench_pipe_case "$DIR" "$ROWS" duckdb destination-duckdb duck_dest.json
