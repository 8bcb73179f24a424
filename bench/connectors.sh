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
JAVA_OPTS="-XX:+UseSerialGC -Xmx192m -XX:TieredStopAtLevel=4"

cat > "$DIR/source.json" <<EOF
{"host": "localhost", "port": 5432, "database": "bench_src", "username": "bench", "password": "bench",
 "schemas": ["public"], "ssl_mode": {"mode": "disable"}}
EOF
cat > "$DIR/pg_dest.json" <<EOF
{"host": "localhost", "port": 5432, "database": "bench_dst", "username": "bench", "password": "bench",
 "schema": "bench_out", "ssl_mode": {"mode": "disable"}}
EOF
cat > "$DIR/duck_dest.json" <<EOF
{"destination_path": "$DIR/bench.duckdb", "schema": "bench_out"}
EOF

java $JAVA_OPTS -jar connectors/source-postgres/target/source-postgres.jar discover --config "$DIR/source.json" \
  | python3 -c "
import sys, json
for line in sys.stdin:
    m = json.loads(line)
    if m.get('type') == 'CATALOG':
        s = [s for s in m['catalog']['streams'] if s['name'] == 'bench_events'][0]
        s.pop('namespace', None)  # 'destination default': tables land in the destination's schema bench_out
        json.dump({'streams': [{'stream': s, 'sync_mode': 'full_refresh', 'destination_sync_mode': 'overwrite',
                                'generation_id': 1, 'minimum_generation_id': 1, 'sync_id': 1}]},
                  open('$DIR/catalog.json', 'w'))
        break
else:
    sys.exit('discover found no bench_events stream')"

# raw pipe: the same rows through COPY, out of one database into an empty typed table of the other
bench_psql bench_dst -c "CREATE SCHEMA IF NOT EXISTS bench_copy; DROP TABLE IF EXISTS bench_copy.bench_events;" >/dev/null
PGPASSWORD=bench pg_dump -h localhost -U bench -d bench_src -s -t public.bench_events \
  | sed 's/public\./bench_copy./g' | grep -v '^SELECT pg_catalog.set_config' | bench_psql bench_dst >/dev/null
START=$(bench_now)
bench_psql bench_src -c "COPY public.bench_events TO STDOUT" \
  | tee >(wc -c > "$DIR/copy_bytes") | bench_psql bench_dst -c "COPY bench_copy.bench_events FROM STDIN"
COPY_SECONDS=$(awk -v a="$START" -v b="$(bench_now)" 'BEGIN { print b - a }')
sleep 0.2
bench_result copy "$ROWS" "$COPY_SECONDS" "$(cat "$DIR/copy_bytes")" "$COPY_SECONDS" 0

run_case() {
  local name="$1" dest="$2" config="$3"
  START=$(bench_now)
  bench_rss "$DIR/src_rss" java $JAVA_OPTS -jar connectors/source-postgres/target/source-postgres.jar read \
      --config "$DIR/source.json" --catalog "$DIR/catalog.json" \
    | tee >(wc -c > "$DIR/${name}_bytes") \
    | bench_rss "$DIR/dst_rss" java $JAVA_OPTS -jar "connectors/$dest/target/$dest.jar" write \
      --config "$DIR/$config" --catalog "$DIR/catalog.json" > "$DIR/${name}_out"
  local seconds
  seconds=$(awk -v a="$START" -v b="$(bench_now)" 'BEGIN { print b - a }')
  sleep 0.2
  grep -q '"type":"STATE"' "$DIR/${name}_out" || { echo "$name: the destination committed no state" >&2; cat "$DIR/${name}_out" >&2; exit 1; }
  local rss
  rss=$(awk 'FNR == 1 && $1 > m { m = $1 } END { print m / 1024 }' "$DIR/src_rss" "$DIR/dst_rss")
  bench_result "$name" "$ROWS" "$seconds" "$(cat "$DIR/${name}_bytes")" "$COPY_SECONDS" "$rss"
}

run_case postgres destination-postgres pg_dest.json
COUNT=$(bench_psql bench_dst -tAc "SELECT count(*) FROM bench_out.bench_events")
[ "$COUNT" = "$ROWS" ] || { echo "postgres: $COUNT rows in the destination, expected $ROWS" >&2; exit 1; }
run_case duckdb destination-duckdb duck_dest.json
