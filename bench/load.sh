#!/usr/bin/env bash
# Load: the packaged standalone platform with many small syncs at once on its one worker. A benchmark, not a
# test: it prints figures and fails only when the platform does not do the work.
# Usage: bench/load.sh [CONNECTIONS] [CONCURRENCY] [COUNT]   (defaults 200, 20, 1000; run
#        ./mvnw package -DskipTests first)
# It starts airbyte-standalone.jar with AIRBYTE_MAX_CONCURRENT_SYNCS=CONCURRENCY (the worker's slots for
# its activities: checks and replications), makes one source-faker source ({"count": COUNT, "seed": 1},
# stream users), one destination-postgres destination (the machine's PostgreSQL 15, bench_dst, schema
# load_out, made first) and CONNECTIONS connections of users (full refresh, overwrite, each with its own
# table prefix c<n>_), through the public API. Then it posts a sync job for every connection at once
# (POST /jobs, CONCURRENCY requests at a time) and polls GET /jobs until all have ended, while a sampler calls GET /connections and
# GET /jobs (the public API's lists, 20 a page, Airbyte's defaults) one after the other, back to back.
# Printed:
#   RESULT name=load connections=… concurrency=… jobs=… succeeded=… failed=… other=… seconds=<first POST
#          to the last job's end> jobs_per_min=… job_p50_s=… job_p99_s=… (each job's own duration,
#          created to ended, as the API gives it: the wait for a slot included)
#   RESULT name=api path=/connections samples=… p50_ms=… p99_ms=… max_ms=… errors=…   (and /jobs)
#   RESULT name=platform_rss peak_tree_rss_mb=… peaks=… platform_jvm_peak_mb=…   (the whole process tree:
#          the JVM, its embedded PostgreSQL until it detaches, and the connectors it launches)
#   setup_s (sources, destination and connections: a discover for each connection) and ready_s.
# With KEEP_HOME=DIR the platform's home and log are kept there.
set -euo pipefail
cd "$(dirname "$0")/.."
CONNECTIONS="${1:-200}"
CONCURRENCY="${2:-20}"
COUNT="${3:-1000}"
. bench/lib.sh

[ -f airbyte-standalone/target/airbyte-standalone.jar ] \
  || { echo "airbyte-standalone/target/airbyte-standalone.jar missing: run ./mvnw package -DskipTests" >&2; exit 1; }

bench_pg_start
bench_psql bench_dst -c "DROP SCHEMA IF EXISTS load_out CASCADE; CREATE SCHEMA load_out" >/dev/null

DIR=$(mktemp -d)
PLATFORM_PID=
SAMPLER_PID=
cleanup() {
  [ -n "$SAMPLER_PID" ] && kill "$SAMPLER_PID" 2>/dev/null || true
  bench_platform_stop
  if [ -n "${KEEP_HOME:-}" ]; then rm -rf "$KEEP_HOME"; mv "$DIR" "$KEEP_HOME"; else rm -rf "$DIR"; fi
}
trap cleanup EXIT

BENCH_PLATFORM_RSS="$DIR/platform_rss" bench_platform_start "$DIR" AIRBYTE_MAX_CONCURRENT_SYNCS="$CONCURRENCY"
READY=$PLATFORM_READY_S
echo "platform ready after ${READY} s on port $PLATFORM_PORT" >&2

setup_start=$(bench_now)
WS=$(bench_api GET /workspaces | bench_json "['data'][0]['workspaceId']")
SRC=$(bench_api POST /sources "{\"name\":\"load faker\",\"workspaceId\":\"$WS\",\"configuration\":{\"sourceType\":\"faker\",\"count\":$COUNT,\"seed\":1,\"parallelism\":1}}" \
  | bench_json "['sourceId']")
PG='"host":"localhost","port":5432,"username":"bench","password":"bench","ssl_mode":{"mode":"disable"}'
DST=$(bench_api POST /destinations "{\"name\":\"load postgres\",\"workspaceId\":\"$WS\",\"configuration\":{\"destinationType\":\"postgres\",$PG,\"database\":\"bench_dst\",\"schema\":\"load_out\"}}" \
  | bench_json "['destinationId']")
: > "$DIR/connections"
for i in $(seq 1 "$CONNECTIONS"); do
  bench_api POST /connections "{\"sourceId\":\"$SRC\",\"destinationId\":\"$DST\",\"name\":\"load $i\",\"prefix\":\"c${i}_\",\"configurations\":{\"streams\":[{\"name\":\"users\",\"syncMode\":\"full_refresh_overwrite\"}]}}" \
    | bench_json "['connectionId']" >> "$DIR/connections"
done
SETUP=$(awk -v a="$setup_start" -v b="$(bench_now)" 'BEGIN { printf "%.1f", b - a }')
echo "$CONNECTIONS connections made in ${SETUP} s" >&2

# GET /connections and GET /jobs back to back until killed: one line "<path> <http code> <seconds>" per call
sampler() {
  while true; do
    for path in /connections /jobs; do
      curl -s -o /dev/null -u airbyte:bench -w "$path %{http_code} %{time_total}\n" \
        "http://localhost:$PLATFORM_PORT/api/public/v1$path" >> "$DIR/samples" || echo "$path 000 0" >> "$DIR/samples"
    done
  done
}

# every job at once; the worker runs CONCURRENCY activities at a time
start=$(bench_now)
sampler &
SAMPLER_PID=$!
: > "$DIR/jobs"
# CONCURRENCY requests at a time: POST /jobs answers once the connection's workflow has taken the job up
xargs -P "$CONCURRENCY" -I CON curl -sS --fail-with-body -u airbyte:bench -H 'Content-Type: application/json' \
    -d '{"connectionId":"CON","jobType":"sync"}' "http://localhost:$PLATFORM_PORT/api/public/v1/jobs" -o "$DIR/posted_CON" \
  < "$DIR/connections"
cat "$DIR"/posted_* | grep -o '"jobId":[0-9]*' | cut -d: -f2 > "$DIR/jobs"
[ "$(wc -l < "$DIR/jobs")" = "$CONNECTIONS" ] || { echo "not every POST /jobs answered a job:" >&2; grep -L '"jobId"' "$DIR"/posted_* | head -3 | xargs cat >&2; exit 1; }
posted=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { printf "%.1f", b - a }')
echo "$(wc -l < "$DIR/jobs") jobs posted in ${posted} s" >&2

# polls GET /jobs (100 a page) every second until every job posted has ended; DIR/ended: "<jobId> <status> <duration>"
last_report=0
while true; do
  : > "$DIR/page_all"
  offset=0
  while true; do
    bench_api GET "/jobs?limit=100&offset=$offset" > "$DIR/page"
    n=$(python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
with open(sys.argv[2], 'a') as out:
    for j in d['data']:
        out.write(f\"{j['jobId']} {j['status']} {j.get('duration') or 'PT0S'}\\n\")
print(len(d['data']))" "$DIR/page" "$DIR/page_all")
    [ "$n" -lt 100 ] && break
    offset=$((offset + 100))
  done
  awk 'NR == FNR { posted[$1] = 1; next } ($1 in posted) && ($2 == "succeeded" || $2 == "failed" || $2 == "cancelled")' \
    "$DIR/jobs" "$DIR/page_all" > "$DIR/ended"
  done_count=$(wc -l < "$DIR/ended")
  now=$(date +%s)
  if [ $((now - last_report)) -ge 15 ]; then
    echo "$done_count of $CONNECTIONS jobs ended after $(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { printf "%.0f", b - a }') s" >&2
    last_report=$now
  fi
  [ "$done_count" -ge "$(wc -l < "$DIR/jobs")" ] && break
  sleep 1
done
SECONDS_ALL=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
JVM_PEAK=$(bench_peak_rss_mb "$PLATFORM_PID")

rows=$(bench_psql bench_dst -tAc "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'load_out' AND table_name LIKE 'c%\_users'")
bench_platform_stop

python3 - "$DIR" "$CONNECTIONS" "$CONCURRENCY" "$SECONDS_ALL" <<'EOF'
import re, sys
d, connections, concurrency, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])

def pct(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = max(0, min(len(values) - 1, int(round(p / 100 * len(values) + 0.5)) - 1))  # nearest rank
    return values[k]

def iso_seconds(text):
    h, m, s = re.fullmatch(r"PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?", text).groups()
    return int(h or 0) * 3600 + int(m or 0) * 60 + float(s or 0)

ended = [line.split() for line in open(f"{d}/ended") if line.strip()]
statuses = [e[1] for e in ended]
durations = [iso_seconds(e[2]) for e in ended]
ok, failed = statuses.count("succeeded"), statuses.count("failed")
print(f"RESULT name=load connections={connections} concurrency={concurrency} jobs={len(ended)} succeeded={ok} failed={failed} "
      f"other={len(ended) - ok - failed} seconds={seconds:.1f} jobs_per_min={len(ended) / seconds * 60:.1f} "
      f"job_p50_s={pct(durations, 50):.1f} job_p99_s={pct(durations, 99):.1f}")
samples = [line.split() for line in open(f"{d}/samples") if line.strip()]
for path in ("/connections", "/jobs"):
    mine = [s for s in samples if s[0] == path]
    good = [float(s[2]) * 1000 for s in mine if s[1] == "200"]
    print(f"RESULT name=api path={path} samples={len(mine)} p50_ms={pct(good, 50):.0f} p99_ms={pct(good, 99):.0f} "
          f"max_ms={max(good, default=float('nan')):.0f} errors={len(mine) - len(good)}")
EOF
echo "RESULT name=platform_rss $(cat "$DIR/platform_rss") platform_jvm_peak_mb=$JVM_PEAK"
echo "platform ready_s=$READY setup_s=$SETUP posting_s=$posted tables_written=$rows"
failed=$(awk '$2 != "succeeded"' "$DIR/ended" | wc -l)
if [ "$failed" != 0 ]; then
  echo "$failed job(s) did not succeed:" >&2
  awk '$2 != "succeeded"' "$DIR/ended" | head -5 >&2
  exit 1
fi
