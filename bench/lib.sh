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
