# Shared helpers of the bench scripts (sourced, not run).

# Starts the machine's PostgreSQL (15, Debian's cluster "main") when it is not running, and makes a
# password-protected role "bench" (password "bench") owning databases bench_src and bench_dst.
bench_pg_start() {
  if ! pg_isready -q -h localhost -p 5432 2>/dev/null; then
    if command -v pg_ctlcluster >/dev/null 2>&1; then
      pg_ctlcluster 15 main start
    else
      echo "no PostgreSQL server on localhost:5432 and no pg_ctlcluster to start one" >&2
      return 1
    fi
    for _ in $(seq 1 30); do pg_isready -q -h localhost -p 5432 && break; sleep 1; done
  fi
  bench_psql_admin postgres -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench') THEN
        CREATE ROLE bench LOGIN PASSWORD 'bench';
      END IF; END \$\$;" >/dev/null
  for db in bench_src bench_dst; do
    if [ "$(bench_psql_admin postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" != 1 ]; then
      bench_psql_admin postgres -c "CREATE DATABASE $db OWNER bench" >/dev/null
    fi
  done
}

# Makes the machine's PostgreSQL (started by bench_pg_start) run with wal_level=logical, for CDC:
# ALTER SYSTEM and a restart when it runs with another level (the setting stays; the other benches
# run the same with it). Gives the role "bench" the REPLICATION attribute.
bench_pg_logical() {
  if [ "$(bench_psql_admin postgres -tAc "SHOW wal_level")" != logical ]; then
    echo "restarting PostgreSQL with wal_level=logical" >&2
    bench_psql_admin postgres -c "ALTER SYSTEM SET wal_level = logical" >/dev/null
    pg_ctlcluster 15 main restart
    for _ in $(seq 1 30); do pg_isready -q -h localhost -p 5432 && break; sleep 1; done
  fi
  bench_psql_admin postgres -c "ALTER ROLE bench REPLICATION" >/dev/null
}

bench_psql_admin() {
  local db="$1"; shift
  if [ "$(id -u)" = 0 ]; then
    su postgres -c "psql -X -q -d $db $(printf '%q ' "$@")"
  else
    psql -X -q -h localhost -U postgres -d "$db" "$@"
  fi
}

bench_psql() {
  local db="$1"; shift
  PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=bench psql -X -q -h localhost -U bench -d "$db" "$@"
}

# Loads ../shared/bench/bench_events.sql with ROWS rows into bench_src, unless it already has them.
bench_load_events() {
  local rows="$1" sql="$2"
  local have
  have=$(bench_psql bench_src -tAc "SELECT count(*) FROM public.bench_events" 2>/dev/null || echo 0)
  if [ "$have" != "$rows" ]; then
    echo "loading bench_events with $rows rows" >&2
    bench_psql bench_src -v rows="$rows" -f "$sql" >/dev/null
  fi
}

# Runs a command under GNU time; prints its peak RSS in MB on fd 3 ... simplified: appends to a file.
# usage: bench_rss FILE cmd args...   (the peak RSS in KB is written to FILE)
bench_rss() {
  local out="$1"; shift
  /usr/bin/time -f "%M" -o "$out" "$@"
}

bench_now() { date +%s.%N; }

# RESULT line. args: name rows seconds bytes copy_seconds peak_rss_mb
bench_result() {
  awk -v n="$1" -v r="$2" -v s="$3" -v b="$4" -v c="$5" -v p="$6" 'BEGIN {
    printf "RESULT name=%s rows=%d seconds=%.3f rows_per_s=%.0f mb_per_s=%.1f ratio_vs_copy=%.2f peak_rss_mb=%.0f\n",
      n, r, s, r / s, b / 1e6 / s, c / s, p }'
}

# The JVM options the benchmarks run connectors with.
BENCH_JAVA_OPTS="-XX:+UseSerialGC -Xmx192m"

# Writes DIR/source.json (bench_src), DIR/pg_dest.json (bench_dst, schema bench_out),
# DIR/duck_dest.json and DIR/catalog.json (bench_events, full refresh overwrite, destination default
# namespace), and DIR/catalog_discovered.json (the same with the discovered namespace) from the
# source-postgres jar's discover.
bench_configs() {
  local dir="$1"
  cat > "$dir/source.json" <<EOF
{"host": "localhost", "port": 5432, "database": "bench_src", "username": "bench", "password": "bench",
 "schemas": ["public"], "ssl_mode": {"mode": "disable"}}
EOF
  cat > "$dir/pg_dest.json" <<EOF
{"host": "localhost", "port": 5432, "database": "bench_dst", "username": "bench", "password": "bench",
 "schema": "bench_out", "ssl_mode": {"mode": "disable"}}
EOF
  cat > "$dir/duck_dest.json" <<EOF
{"destination_path": "$dir/bench.duckdb", "schema": "bench_out"}
EOF
  java $BENCH_JAVA_OPTS -jar connectors/source-postgres/target/source-postgres.jar discover --config "$dir/source.json" \
    | python3 -c "
import sys, json
for line in sys.stdin:
    m = json.loads(line)
    if m.get('type') == 'CATALOG':
        s = [s for s in m['catalog']['streams'] if s['name'] == 'bench_events'][0]
        configured = {'streams': [{'stream': s, 'sync_mode': 'full_refresh', 'destination_sync_mode': 'overwrite',
                                   'generation_id': 1, 'minimum_generation_id': 1, 'sync_id': 1}]}
        # as discovered (namespace public): what the platform gives its engine
        json.dump(configured, open('$dir/catalog_discovered.json', 'w'))
        s.pop('namespace', None)  # 'destination default': tables land in the destination's schema bench_out
        json.dump(configured, open('$dir/catalog.json', 'w'))
        break
else:
    sys.exit('discover found no bench_events stream')"
}

# The raw pipe: psql COPY TO STDOUT | psql COPY FROM STDIN into an empty typed copy of the table.
# Prints its RESULT line and sets COPY_SECONDS.
bench_copy_case() {
  local dir="$1" rows="$2" start
  bench_psql bench_dst -c "CREATE SCHEMA IF NOT EXISTS bench_copy; DROP TABLE IF EXISTS bench_copy.bench_events;" >/dev/null
  PGPASSWORD=bench pg_dump -h localhost -U bench -d bench_src -s -t public.bench_events \
    | sed 's/public\./bench_copy./g' | grep -v '^SELECT pg_catalog.set_config' | bench_psql bench_dst >/dev/null
  start=$(bench_now)
  bench_psql bench_src -c "COPY public.bench_events TO STDOUT" \
    | tee >(wc -c > "$dir/copy_bytes") | bench_psql bench_dst -c "COPY bench_copy.bench_events FROM STDIN"
  COPY_SECONDS=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
  sleep 0.2
  bench_result copy "$rows" "$COPY_SECONDS" "$(cat "$dir/copy_bytes")" "$COPY_SECONDS" 0
}

# source-postgres read | DEST write, the connectors alone; prints RESULT and sets CASE_SECONDS.
# args: dir rows name dest config [format [source_config [catalog]]]: format json (the default) or typed-rows-v1
# (the fast path: both connectors given --record-format typed-rows-v1); source_config and catalog are files of dir
# (default source.json and catalog.json). The destination's local files are confined to dir (AIRBYTE_LOCAL_ROOT:
# destination-duckdb's file).
bench_pipe_case() {
  local dir="$1" rows="$2" name="$3" dest="$4" config="$5" format="${6:-json}" source="${7:-source.json}"
  local catalog="${8:-catalog.json}" start rss
  local -a format_args=()
  [ "$format" = json ] || format_args=(--record-format "$format")
  start=$(bench_now)
  bench_rss "$dir/src_rss" java $BENCH_JAVA_OPTS -jar connectors/source-postgres/target/source-postgres.jar read \
      --config "$dir/$source" --catalog "$dir/$catalog" "${format_args[@]}" \
    | tee >(wc -c > "$dir/${name}_bytes") \
    | bench_rss "$dir/dst_rss" env AIRBYTE_LOCAL_ROOT="$dir" java $BENCH_JAVA_OPTS -jar "connectors/$dest/target/$dest.jar" write \
      --config "$dir/$config" --catalog "$dir/$catalog" "${format_args[@]}" > "$dir/${name}_out"
  CASE_SECONDS=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
  sleep 0.2
  grep -q '"type":"STATE"' "$dir/${name}_out" || { echo "$name: the destination committed no state" >&2; cat "$dir/${name}_out" >&2; return 1; }
  rss=$(awk 'FNR == 1 && $1 > m { m = $1 } END { print m / 1024 }' "$dir/src_rss" "$dir/dst_rss")
  bench_result "$name" "$rows" "$CASE_SECONDS" "$(cat "$dir/${name}_bytes")" "$COPY_SECONDS" "$rss"
}

# Fails unless bench_dst's bench_out.bench_events holds ROWS rows.
bench_check_rows() {
  local name="$1" rows="$2" count
  count=$(bench_psql bench_dst -tAc "SELECT count(*) FROM bench_out.bench_events")
  [ "$count" = "$rows" ] || { echo "$name: $count rows in the destination, expected $rows" >&2; return 1; }
}

# The standalone platform (airbyte-standalone/target/airbyte-standalone.jar, built by the caller).
# usage: bench_platform_start DIR [NAME=VALUE ...]
# Starts it with its home in DIR/home, on a free port, the admin airbyte:bench, and the extra
# environment given as NAME=VALUE; its log is DIR/platform.log. With BENCH_PLATFORM_RSS=FILE it runs
# under bench/tree_rss.py, which writes the peak RSS of the platform's whole process tree (the JVM
# and the connectors it launches) to FILE once the platform has stopped. Waits until /health answers
# (the log goes to stderr if the platform exits first). Sets PLATFORM_PID (the JVM), PLATFORM_PORT,
# PLATFORM_START (bench_now before java -jar) and PLATFORM_READY_S (seconds until /health answered).
# bench_platform_stop stops it; call it from the caller's EXIT trap as well.
bench_platform_start() {
  local dir="$1"; shift
  PLATFORM_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')
  mkdir -p "$dir/home"
  PLATFORM_START=$(bench_now)
  if [ -n "${BENCH_PLATFORM_RSS:-}" ]; then
    env AIRBYTE_HOME="$dir/home" SERVER_PORT="$PLATFORM_PORT" AIRBYTE_ADMIN_PASSWORD=bench "$@" \
      python3 bench/tree_rss.py "$BENCH_PLATFORM_RSS" java -jar airbyte-standalone/target/airbyte-standalone.jar \
      > "$dir/platform.log" 2>&1 &
    PLATFORM_WRAPPER_PID=$!
    PLATFORM_PID=
    for _ in $(seq 1 200); do  # the JVM: tree_rss.py's child running the jar (python3 may be a shim with children of its own first)
      for child in $(pgrep -P "$PLATFORM_WRAPPER_PID" || true); do
        if { tr '\0' ' ' < "/proc/$child/cmdline"; } 2>/dev/null | grep -q '^[^ ]*java -jar airbyte-standalone/target/airbyte-standalone.jar'; then
          PLATFORM_PID=$child
        fi
      done
      [ -n "$PLATFORM_PID" ] && break
      kill -0 "$PLATFORM_WRAPPER_PID" 2>/dev/null || break
      sleep 0.05
    done
    [ -n "$PLATFORM_PID" ] || { echo "tree_rss.py started no platform" >&2; cat "$dir/platform.log" >&2; return 1; }
  else
    env AIRBYTE_HOME="$dir/home" SERVER_PORT="$PLATFORM_PORT" AIRBYTE_ADMIN_PASSWORD=bench "$@" \
      java -jar airbyte-standalone/target/airbyte-standalone.jar > "$dir/platform.log" 2>&1 &
    PLATFORM_PID=$!
    PLATFORM_WRAPPER_PID=$PLATFORM_PID
  fi
  for _ in $(seq 1 480); do
    curl -sf "http://localhost:$PLATFORM_PORT/api/public/v1/health" >/dev/null && break
    kill -0 "$PLATFORM_PID" 2>/dev/null || { echo "the platform exited before /health answered:" >&2; cat "$dir/platform.log" >&2; return 1; }
    sleep 0.25
  done
  curl -sf "http://localhost:$PLATFORM_PORT/api/public/v1/health" >/dev/null \
    || { echo "the platform did not answer /health within 120 s" >&2; tail -50 "$dir/platform.log" >&2; return 1; }
  PLATFORM_READY_S=$(awk -v a="$PLATFORM_START" -v b="$(bench_now)" 'BEGIN { printf "%.1f", b - a }')
}

# Stops the platform bench_platform_start started (the JVM, then waits for tree_rss.py to write its file).
bench_platform_stop() {
  if [ -n "${PLATFORM_PID:-}" ]; then
    kill "$PLATFORM_PID" 2>/dev/null || true
    wait "$PLATFORM_WRAPPER_PID" 2>/dev/null || true
    PLATFORM_PID=
  fi
}

# The platform's public API as its admin. usage: bench_api METHOD PATH [JSON_BODY]  (PATH after /api/public/v1)
bench_api() {
  local method="$1" path="$2" body="${3:-}"
  curl -sS --fail-with-body -u airbyte:bench -X "$method" -H 'Content-Type: application/json' ${body:+-d "$body"} \
    "http://localhost:$PLATFORM_PORT/api/public/v1$path"
}

# A field of the JSON on stdin, as a Python subscript: bench_json "['data'][0]['workspaceId']"
bench_json() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }

# Runs one sync job of CONNECTION through POST /jobs and polls it every 0.25 s until it ends; fails
# (with the job on stderr) unless it succeeded. Sets JOB_ID, JOB_SECONDS (the job's own duration as
# the API gives it: from its creation to its last update, the attempt's checks and replication),
# JOB_POLL_SECONDS (from the POST to the poll that saw it end), JOB_BYTES and JOB_ROWS (the API's
# bytesSynced and rowsSynced).
bench_platform_job() {
  local connection="$1" status job_json posted
  posted=$(bench_now)
  JOB_ID=$(bench_api POST /jobs "{\"connectionId\":\"$connection\",\"jobType\":\"sync\"}" | bench_json "['jobId']")
  while true; do
    job_json=$(bench_api GET "/jobs/$JOB_ID")
    status=$(bench_json "['status']" <<<"$job_json")
    case "$status" in succeeded|failed|cancelled) break ;; esac
    sleep 0.25
  done
  JOB_POLL_SECONDS=$(awk -v a="$posted" -v b="$(bench_now)" 'BEGIN { print b - a }')
  [ "$status" = succeeded ] || { echo "the job $status: $job_json" >&2; return 1; }
  JOB_SECONDS=$(python3 -c "
import json, re, sys
d = json.loads(sys.argv[1])['duration']
m = re.fullmatch(r'PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?', d)
h, mi, s = m.groups()
print(int(h or 0) * 3600 + int(mi or 0) * 60 + float(s or 0))" "$job_json")
  JOB_BYTES=$(bench_json "['bytesSynced']" <<<"$job_json")
  JOB_ROWS=$(bench_json "['rowsSynced']" <<<"$job_json")
}

# Where the last job's time went (bench/job_breakdown.py): from its request to its attempt, the checks (run or
# skipped), the replication's start, the connectors' start, the first record read and handed to the destination,
# the last state committed and the job's success. args: NAME PLATFORM_DIR (the DIR of bench_platform_start)
bench_job_breakdown() {
  python3 bench/job_breakdown.py "$1" "$(bench_api GET "/jobs/$JOB_ID")" "$2/home/workspace/$JOB_ID/0/logs.log"
}

# DIR/source_parallel.json: DIR/source.json reading with max_db_connections=N (streams, and the ctid ranges of a
# table, read at once). usage: bench_source_parallel DIR N
bench_source_parallel() {
  python3 -c "
import json, sys
config = json.load(open(sys.argv[1]))
config['max_db_connections'] = int(sys.argv[2])
json.dump(config, open(sys.argv[3], 'w'))" "$1/source.json" "$2" "$1/source_parallel.json"
}

# The peak RSS (VmHWM, the kernel's high-water mark over the process's life) of process PID, in MB.
# usage: bench_peak_rss_mb PID
bench_peak_rss_mb() {
  awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"
}

# TABLES tables of ROWS rows each, bench_src's public.bench_many_01.. (bench_events' first ROWS rows, made unless
# they are there), in bench_dst empty typed copies bench_copy.bench_many_NN, and DIR/catalog_many.json: all of them,
# full refresh overwrite, into the destination's schema. usage: bench_many_tables DIR TABLES ROWS
bench_many_tables() {
  local dir="$1" tables="$2" rows="$3" t name have
  for t in $(seq -w 1 "$tables"); do
    name="bench_many_$(printf '%02d' "$((10#$t))")"
    have=$(bench_psql bench_src -tAc "SELECT count(*) FROM public.$name" 2>/dev/null || echo 0)
    if [ "$have" != "$rows" ]; then
      bench_psql bench_src -c "DROP TABLE IF EXISTS public.$name; CREATE TABLE public.$name AS SELECT * FROM public.bench_events
        WHERE id <= $rows; ALTER TABLE public.$name ADD PRIMARY KEY (id); ANALYZE public.$name" >/dev/null
    fi
  done
  bench_psql bench_dst -c "CREATE SCHEMA IF NOT EXISTS bench_copy" >/dev/null
  for t in $(seq 1 "$tables"); do bench_psql bench_dst -c "DROP TABLE IF EXISTS bench_copy.bench_many_$(printf '%02d' "$t")" >/dev/null; done
  PGPASSWORD=bench pg_dump -h localhost -U bench -d bench_src -s -t 'public.bench_many_*' \
    | sed 's/public\./bench_copy./g' | grep -v '^SELECT pg_catalog.set_config' | bench_psql bench_dst >/dev/null
  java $BENCH_JAVA_OPTS -jar connectors/source-postgres/target/source-postgres.jar discover --config "$dir/source.json" \
    | python3 -c "
import sys, json
for line in sys.stdin:
    m = json.loads(line)
    if m.get('type') == 'CATALOG':
        streams = []
        for s in sorted(m['catalog']['streams'], key=lambda s: s['name']):
            if s['name'].startswith('bench_many_') and int(s['name'][11:]) <= $tables:
                s.pop('namespace', None)
                streams.append({'stream': s, 'sync_mode': 'full_refresh', 'destination_sync_mode': 'overwrite',
                                'generation_id': 1, 'minimum_generation_id': 1, 'sync_id': 1})
        assert len(streams) == $tables, 'discover found %d bench_many_ tables' % len(streams)
        json.dump({'streams': streams}, open('$dir/catalog_many.json', 'w'))
        break"
}

# The raw pipe of bench_many_tables' tables, one after the other (a COPY pipe is one stream): prints its RESULT
# line and sets COPY_SECONDS. usage: bench_copy_many_case DIR TABLES ROWS
bench_copy_many_case() {
  local dir="$1" tables="$2" rows="$3" start t name
  : > "$dir/copy_many_bytes"
  start=$(bench_now)
  for t in $(seq 1 "$tables"); do
    name="bench_many_$(printf '%02d' "$t")"
    bench_psql bench_src -c "COPY public.$name TO STDOUT" \
      | tee >(wc -c >> "$dir/copy_many_bytes") | bench_psql bench_dst -c "COPY bench_copy.$name FROM STDIN"
  done
  COPY_SECONDS=$(awk -v a="$start" -v b="$(bench_now)" 'BEGIN { print b - a }')
  sleep 0.2
  bench_result "copy_${tables}x$rows" "$((tables * rows))" "$COPY_SECONDS" "$(awk '{ s += $1 } END { print s }' "$dir/copy_many_bytes")" \
    "$COPY_SECONDS" 0
}

# Fails unless bench_dst's bench_out.bench_many_NN tables hold ROWS rows in all. usage: bench_check_many NAME TABLES ROWS
bench_check_many() {
  local name="$1" tables="$2" rows="$3" count t sql=""
  for t in $(seq 1 "$tables"); do
    sql="$sql${sql:+ UNION ALL }SELECT count(*) AS c FROM bench_out.bench_many_$(printf '%02d' "$t")"
  done
  count=$(bench_psql bench_dst -tAc "SELECT sum(c) FROM ($sql) t")
  [ "$count" = "$rows" ] || { echo "$name: $count rows in the destination's bench_many_ tables, expected $rows" >&2; return 1; }
}
