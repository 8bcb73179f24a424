#!/usr/bin/env bash
# The whole platform: starts the standalone jar, runs a full refresh job of bench_events
# PostgreSQL → PostgreSQL (the machine's PostgreSQL 15) through the public API, and times it beside
# the raw COPY pipe in the same run.
# Usage: bench/platform.sh [ROWS]   (default 1000000; builds what it needs)
# Prints the copy RESULT line, then
#   RESULT name=platform rows=… seconds=<job wall time> … ratio_vs_copy=… peak_rss_mb=<platform JVM>
# plus the time the platform took to answer /health, its idle RSS and its own CPU during the job;
# then the same job a second time (RESULT name=platform_second_job), in a JVM that has compiled the
# replication's code by then (and its checks are skipped: the same configurations passed them in the first job,
# AIRBYTE_CHECK_REUSE_SECONDS); then, on the platform started again with AIRBYTE_TYPED_ROWS=false, the first job
# with records as JSON lines (RESULT name=platform_json): the two first jobs differ only in the path the records take
# (the others go as typed rows, the fast path both connectors declare). Before the JSON job, BENCH_TABLES (default 20)
# tables of 100,000 rows: their raw pipes one after the other (RESULT name=copy_20x100000), a job reading them one
# after the other (platform_20x100000) and one reading them at once on BENCH_CONNECTIONS (default 4) connections
# (platform_20x100000_parallel), each ratio against copy_20x100000. After each job, a "breakdown" line (bench/job_breakdown.py) says where its time
# went, from the request to the checks, the first record and the last committed state. With KEEP_HOME=DIR, the platform's home (its log in DIR/platform.log,
# the attempts' logs under DIR/home/workspace) is kept; with THREADS_CPU=1 as well,
# DIR/threads_before[_second] and DIR/threads_after[_second] hold the CPU ticks of each of the
# platform JVM's threads before and after each job (threads that ended with the job are missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS="${1:-1000000}"
. bench/lib.sh

./mvnw -q -B -pl airbyte-standalone -am package -DskipTests >/dev/null
bench_pg_start
bench_load_events "$ROWS" "${BENCH_EVENTS_SQL:-$(pwd)/../shared/bench/bench_events.sql}"
DIR=$(mktemp -d)
PLATFORM_PID=
cleanup() {
  bench_platform_stop
  if [ -n "${KEEP_HOME:-}" ]; then rm -rf "$KEEP_HOME"; mv "$DIR" "$KEEP_HOME"; else rm -rf "$DIR"; fi
}
trap cleanup EXIT
bench_copy_case "$DIR" "$ROWS"

bench_platform_start "$DIR"
READY=$PLATFORM_READY_S
sleep 2
IDLE_RSS=$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$PLATFORM_PID/status")

PG='"host":"localhost","port":5432,"username":"bench","password":"bench","ssl_mode":{"mode":"disable"}'
WS=$(bench_api GET /workspaces | bench_json "['data'][0]['workspaceId']")
SRC=$(bench_api POST /sources "{\"name\":\"bench\",\"workspaceId\":\"$WS\",\"configuration\":{\"sourceType\":\"postgres\",$PG,\"database\":\"bench_src\",\"schemas\":[\"public\"]}}" | bench_json "['sourceId']")
DST=$(bench_api POST /destinations "{\"name\":\"bench\",\"workspaceId\":\"$WS\",\"configuration\":{\"destinationType\":\"postgres\",$PG,\"database\":\"bench_dst\",\"schema\":\"bench_out\"}}" | bench_json "['destinationId']")
CON=$(bench_api POST /connections "{\"sourceId\":\"$SRC\",\"destinationId\":\"$DST\",\"name\":\"bench\",\"configurations\":{\"streams\":[{\"name\":\"bench_events\",\"syncMode\":\"full_refresh_overwrite\"}]}}" | bench_json "['connectionId']")
# CPU seconds (user + system) of the platform JVM itself, from /proc
platform_cpu() { awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); print ($12 + $13) / hz }' "/proc/$PLATFORM_PID/stat"; }
threads_cpu() { for t in /proc/$PLATFORM_PID/task/*; do echo "$(cat $t/comm 2>/dev/null | tr ' ' '_') $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' $t/stat 2>/dev/null)"; done; }

# Runs one sync job of the connection; sets JOB_SECONDS (the job's own duration), JOB_BYTES, JOB_CPU.
# args: suffix of the per-thread CPU files
run_job() {
  local cpu_before
  cpu_before=$(platform_cpu)
  [ -n "${THREADS_CPU:-}" ] && threads_cpu > "$DIR/threads_before$1"
  bench_platform_job "$CON"
  [ -n "${THREADS_CPU:-}" ] && threads_cpu > "$DIR/threads_after$1"
  JOB_CPU=$(awk -v a="$cpu_before" -v b="$(platform_cpu)" 'BEGIN { printf "%.1f", b - a }')
  bench_check_rows platform "$ROWS"
}

run_job ""
PEAK_RSS=$(bench_peak_rss_mb "$PLATFORM_PID")
bench_result platform "$ROWS" "$JOB_SECONDS" "$JOB_BYTES" "$COPY_SECONDS" "$PEAK_RSS"
bench_job_breakdown platform "$DIR"
echo "platform ready_after_s=$READY idle_rss_mb=$IDLE_RSS job_cpu_s=$JOB_CPU (the platform JVM's own; connectors run as child processes, not counted)"
# the same job again: the platform JVM has compiled the replication's code by now
run_job "_second"
PEAK_RSS=$(bench_peak_rss_mb "$PLATFORM_PID")
bench_result platform_second_job "$ROWS" "$JOB_SECONDS" "$JOB_BYTES" "$COPY_SECONDS" "$PEAK_RSS"
bench_job_breakdown platform_second_job "$DIR"
echo "platform_second_job job_cpu_s=$JOB_CPU"
# Parallel streams: BENCH_TABLES (default 20) tables of 100,000 rows each beside their own raw pipe (each table's
# COPY pipe in turn), one job on a source reading them one after the other, one on a source with max_db_connections
# BENCH_CONNECTIONS (default 4) reading them at once; skipped when ROWS is under 100,000
TABLES="${BENCH_TABLES:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
if [ "$ROWS" -ge 100000 ]; then
  ONE_TABLE_COPY_SECONDS=$COPY_SECONDS
  bench_configs "$DIR"
  bench_many_tables "$DIR" "$TABLES" 100000
  bench_copy_many_case "$DIR" "$TABLES" 100000
  STREAMS=$(python3 -c "import json, sys; print(json.dumps({'streams': [{'name': 'bench_many_%02d' % t,
    'syncMode': 'full_refresh_overwrite'} for t in range(1, int(sys.argv[1]) + 1)]}))" "$TABLES")
  for connections in 1 "$CONNECTIONS"; do
    name="platform_${TABLES}x100000"
    [ "$connections" = 1 ] || name="${name}_parallel"
    MANY_SRC=$(bench_api POST /sources "{\"name\":\"$name\",\"workspaceId\":\"$WS\",\"configuration\":{\"sourceType\":\"postgres\",$PG,\"database\":\"bench_src\",\"schemas\":[\"public\"],\"max_db_connections\":$connections}}" | bench_json "['sourceId']")
    MANY_CON=$(bench_api POST /connections "{\"sourceId\":\"$MANY_SRC\",\"destinationId\":\"$DST\",\"name\":\"$name\",\"configurations\":$STREAMS}" | bench_json "['connectionId']")
    bench_platform_job "$MANY_CON"
    bench_check_many "$name" "$TABLES" "$((TABLES * 100000))"
    PEAK_RSS=$(bench_peak_rss_mb "$PLATFORM_PID")
    bench_result "$name" "$((TABLES * 100000))" "$JOB_SECONDS" "$JOB_BYTES" "$COPY_SECONDS" "$PEAK_RSS"
    bench_job_breakdown "$name" "$DIR"
  done
  COPY_SECONDS=$ONE_TABLE_COPY_SECONDS
fi
# The JSON path: the same first job with records as JSON lines (AIRBYTE_TYPED_ROWS=false), on the platform started
# again on the same home (so its checks run again, as in the first job)
bench_platform_stop
bench_platform_start "$DIR" AIRBYTE_TYPED_ROWS=false
run_job "_json"
PEAK_RSS=$(bench_peak_rss_mb "$PLATFORM_PID")
bench_result platform_json "$ROWS" "$JOB_SECONDS" "$JOB_BYTES" "$COPY_SECONDS" "$PEAK_RSS"
bench_job_breakdown platform_json "$DIR"
echo "platform_json job_cpu_s=$JOB_CPU"
