#!/usr/bin/env bash
# CDC through the whole platform: PostgreSQL → PostgreSQL by logical replication (pgoutput), on the
# machine's PostgreSQL 15 (started if needed, restarted once with wal_level=logical if it runs with
# another level). bench_events (../shared/bench/bench_events.sql, ROWS rows) is loaded afresh into a
# database of its own (bench_cdc), a publication of it and a slot are made, and a connection with the
# stream in incremental | append + deduped is made through the public API of the standalone jar.
# Sync 1 copies the table (the initial snapshot); then CHANGES row changes are committed, in
# transactions of TX_SIZE changes, each 30 % inserts of new ids, 40 % updates, 30 % deletes; sync 2
# reads them from the slot and is timed.
# Usage: bench/cdc.sh [CHANGES]   (default 1000000, or the environment's CHANGES; ROWS default 1000000,
#        TX_SIZE default 1000; IDLE_SYNC=1 runs a sync without changes between sync 1 and the changes
#        (see below); BENCH_EVENTS_SQL overrides where bench_events.sql is; BENCH_NO_BUILD=1 uses
#        the jars already built; KEEP_HOME=DIR keeps the platform's home and log there)
# Prints
#   RESULT name=cdc_snapshot rows=… seconds=<sync 1's job duration> rows_per_s=… source_peak_rss_mb=…
#   RESULT name=cdc_idle changes=0 records=0 seconds=…   (with IDLE_SYNC=1)
#   RESULT name=cdc changes=… seconds=<sync 2's job duration> changes_per_s=… lag_s=… source_peak_rss_mb=…
# lag_s: from the commit of the last change to the end of sync 2 (the job's lastUpdatedAt: the
# destination has committed everything then); source_peak_rss_mb: the peak RSS of the source-postgres
# process of that sync. Fails unless sync 2 synced CHANGES records and the destination then holds the
# source's rows (count, sum of ids and of amounts, a hash sum of the payloads).
set -euo pipefail
cd "$(dirname "$0")/.."
CHANGES="${1:-${CHANGES:-1000000}}"
ROWS="${ROWS:-1000000}"
TX_SIZE="${TX_SIZE:-1000}"
SQL="${BENCH_EVENTS_SQL:-$(pwd)/../shared/bench/bench_events.sql}"
. bench/lib.sh
SLOT=bench_cdc_slot
PUB=bench_cdc_pub

# deletes take ids from 1 up, updates from ROWS down: they must not meet
if [ $((CHANGES * 7 / 10)) -gt "$ROWS" ]; then
  echo "CHANGES=$CHANGES needs at least $((CHANGES * 7 / 10)) rows (ROWS=$ROWS) for its updates and deletes" >&2
  exit 1
fi

[ -n "${BENCH_NO_BUILD:-}" ] || ./mvnw -q -B -pl airbyte-standalone -am package -DskipTests >/dev/null
bench_pg_start
bench_pg_logical
if [ "$(bench_psql_admin postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'bench_cdc'")" != 1 ]; then
  bench_psql_admin postgres -c "CREATE DATABASE bench_cdc OWNER bench" >/dev/null
fi
drop_slot() {
  bench_psql bench_cdc -tAc "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '$SLOT'" >/dev/null
}
drop_slot
bench_psql bench_cdc -c "DROP PUBLICATION IF EXISTS $PUB" >/dev/null
echo "loading bench_events with $ROWS rows into bench_cdc" >&2
bench_psql bench_cdc -v ON_ERROR_STOP=1 -v rows="$ROWS" -f "$SQL" >/dev/null
bench_psql bench_cdc -v ON_ERROR_STOP=1 -c "CREATE PUBLICATION $PUB FOR TABLE public.bench_events" \
  -c "SELECT pg_create_logical_replication_slot('$SLOT', 'pgoutput')" >/dev/null
bench_psql bench_dst -c "DROP SCHEMA IF EXISTS bench_cdc_out CASCADE" >/dev/null

DIR=$(mktemp -d)
PLATFORM_PID=
RSS_PID=
cleanup() {
  [ -n "$RSS_PID" ] && kill "$RSS_PID" 2>/dev/null || true
  bench_platform_stop
  drop_slot || true  # a slot left behind keeps the server's WAL
  if [ -n "${KEEP_HOME:-}" ]; then rm -rf "$KEEP_HOME"; mv "$DIR" "$KEEP_HOME"; else rm -rf "$DIR"; fi
}
trap cleanup EXIT
bench_platform_start "$DIR"

PG='"host":"localhost","port":5432,"username":"bench","password":"bench","ssl_mode":{"mode":"disable"}'
CDC="{\"method\":\"CDC\",\"plugin\":\"pgoutput\",\"replication_slot\":\"$SLOT\",\"publication\":\"$PUB\"}"
WS=$(bench_api GET /workspaces | bench_json "['data'][0]['workspaceId']")
SRC=$(bench_api POST /sources "{\"name\":\"bench cdc\",\"workspaceId\":\"$WS\",\"configuration\":{\"sourceType\":\"postgres\",$PG,\"database\":\"bench_cdc\",\"schemas\":[\"public\"],\"replication_method\":$CDC}}" | bench_json "['sourceId']")
DST=$(bench_api POST /destinations "{\"name\":\"bench cdc\",\"workspaceId\":\"$WS\",\"configuration\":{\"destinationType\":\"postgres\",$PG,\"database\":\"bench_dst\",\"schema\":\"bench_cdc_out\"}}" | bench_json "['destinationId']")
CON=$(bench_api POST /connections "{\"sourceId\":\"$SRC\",\"destinationId\":\"$DST\",\"name\":\"bench cdc\",\"namespaceDefinition\":\"destination\",\"configurations\":{\"streams\":[{\"name\":\"bench_events\",\"syncMode\":\"incremental_deduped_history\"}]},\"schedule\":{\"scheduleType\":\"manual\"}}" | bench_json "['connectionId']")

# One sync job with the source connector's peak RSS sampled; sets SOURCE_RSS_MB besides bench_platform_job's.
sampled_job() {
  python3 bench/connector_rss.py "$DIR/source_rss" "$PLATFORM_PID" source-postgres.jar &
  RSS_PID=$!
  bench_platform_job "$CON"
  kill -TERM "$RSS_PID"
  wait "$RSS_PID"
  RSS_PID=
  SOURCE_RSS_MB=$(sed -n 's/.*peak_rss_mb=\([0-9]*\).*/\1/p' "$DIR/source_rss")
}

# count, sum of ids, sum of amounts, hash sum of payloads of a bench_events table
fingerprint() {
  bench_psql "$1" -tAc "SELECT count(*) || ' ' || coalesce(sum(id), 0) || ' ' || coalesce(sum(amount), 0)::numeric(20,2) || ' '
    || coalesce(sum(hashtext(payload)::bigint), 0) FROM $2"
}

sampled_job
awk -v r="$ROWS" -v s="$JOB_SECONDS" -v p="$SOURCE_RSS_MB" 'BEGIN {
  printf "RESULT name=cdc_snapshot rows=%d seconds=%.3f rows_per_s=%.0f source_peak_rss_mb=%d\n", r, s, r / s, p }'
[ "$(fingerprint bench_dst bench_cdc_out.bench_events)" = "$(fingerprint bench_cdc public.bench_events)" ] \
  || { echo "after sync 1 the destination differs from the source" >&2; exit 1; }

# IDLE_SYNC=1: a sync with no change to read first; it moves the slot past the WAL of sync 1's
# destination (same server), as a connection syncing on a schedule has it
if [ -n "${IDLE_SYNC:-}" ]; then
  sampled_job
  awk -v s="$JOB_SECONDS" -v r="$JOB_ROWS" 'BEGIN { printf "RESULT name=cdc_idle changes=0 records=%d seconds=%.3f\n", r, s }'
fi

# the changes: transactions of TX_SIZE, inserts of new ids, updates from the top id down, deletes from id 1 up
awk -v changes="$CHANGES" -v rows="$ROWS" -v tx="$TX_SIZE" 'BEGIN {
  ins = rows + 1; del = 1; upd = rows; left = changes
  print "\\set ON_ERROR_STOP on"
  while (left > 0) {
    n = left < tx ? left : tx; i = int(n * 3 / 10); u = int(n * 4 / 10); d = n - i - u; left -= n
    print "BEGIN;"
    if (i > 0) printf "INSERT INTO public.bench_events SELECT g, g %% 100000, %s, 1.00, 0.5, true, now(), now(), NULL, md5(g::text) FROM generate_series(%d, %d) g;\n", "'\''cdc_insert'\''", ins, ins + i - 1
    if (u > 0) printf "UPDATE public.bench_events SET amount = amount + 1, payload = %s || id, updated_at = now() WHERE id BETWEEN %d AND %d;\n", "'\''updated '\''", upd - u + 1, upd
    if (d > 0) printf "DELETE FROM public.bench_events WHERE id BETWEEN %d AND %d;\n", del, del + d - 1
    print "COMMIT;"
    ins += i; upd -= u; del += d
  }
}' > "$DIR/changes.sql"
echo "applying $CHANGES changes in transactions of $TX_SIZE" >&2
APPLY_START=$(bench_now)
bench_psql bench_cdc -f "$DIR/changes.sql" >/dev/null
LAST_COMMIT=$(bench_now)
APPLY_SECONDS=$(awk -v a="$APPLY_START" -v b="$LAST_COMMIT" 'BEGIN { printf "%.1f", b - a }')
WAL_MB=$(bench_psql bench_cdc -tAc "SELECT round((pg_current_wal_lsn() - confirmed_flush_lsn) / 1e6) FROM pg_replication_slots WHERE slot_name = '$SLOT'")

sampled_job
END=$(bench_api GET "/jobs/$JOB_ID" | bench_json "['lastUpdatedAt']")
LAG=$(python3 -c "
import sys
from datetime import datetime
print(f'{datetime.fromisoformat(sys.argv[1].replace(\"Z\", \"+00:00\")).timestamp() - float(sys.argv[2]):.1f}')" "$END" "$LAST_COMMIT")
awk -v c="$CHANGES" -v s="$JOB_SECONDS" -v l="$LAG" -v p="$SOURCE_RSS_MB" 'BEGIN {
  printf "RESULT name=cdc changes=%d seconds=%.3f changes_per_s=%.0f lag_s=%s source_peak_rss_mb=%d\n", c, s, c / s, l, p }'
echo "cdc applied_in_s=$APPLY_SECONDS wal_behind_slot_mb=$WAL_MB records_synced=$JOB_ROWS bytes_synced=$JOB_BYTES tx_size=$TX_SIZE rows=$ROWS"
[ "$JOB_ROWS" = "$CHANGES" ] || { echo "sync 2 synced $JOB_ROWS records, expected one per change: $CHANGES" >&2; exit 1; }
SOURCE_PRINT=$(fingerprint bench_cdc public.bench_events)
DEST_PRINT=$(fingerprint bench_dst bench_cdc_out.bench_events)
[ "$DEST_PRINT" = "$SOURCE_PRINT" ] \
  || { echo "after sync 2 the destination ($DEST_PRINT) differs from the source ($SOURCE_PRINT) (count, sum id, sum amount, payload hash sum)" >&2; exit 1; }
echo "cdc destination equals the source: $(cut -d' ' -f1 <<<"$SOURCE_PRINT") rows"
