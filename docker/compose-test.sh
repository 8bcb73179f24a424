#!/usr/bin/env bash
# The docker compose deployment end to end, with local stand-ins for the public images: builds the
# images, brings the stack up, runs a PostgreSQL → PostgreSQL sync through the API with the
# connectors in containers, checks the rows, takes the stack down and up again, and checks that the
# connection, its job history and its committed state are still there: a second sync moves only the
# rows changed since the first.
#
# Usage: docker/compose-test.sh   (needs Docker and docker compose or docker-compose; SKIP_MAVEN=true
#        when the jars are built already)
# The stack uses the fixed names of docker-compose.yml (network airbyte, volumes airbyte_*): it
# removes them at the end, so do not run it where a real deployment lives.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=500

if docker compose version >/dev/null 2>&1; then COMPOSE=(docker compose); else COMPOSE=(docker-compose); fi
if [ "${SKIP_MAVEN:-false}" != true ]; then ./mvnw -q -B package -DskipTests; fi
bash docker/base-image/build.sh airbyte/jre-base:17 >/dev/null
bash docker/standins/build.sh
SKIP_MAVEN=true AIRBYTE_BASE_IMAGE=airbyte/jre-base:17 DOCKER_CLI_IMAGE=airbyte/docker-cli-standin:dev \
  bash docker/build-images.sh dev

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("", 0)); print(s.getsockname()[1])')
export AIRBYTE_PORT="$PORT" AIRBYTE_ADMIN_PASSWORD=compose-test-pw AIRBYTE_VERSION=dev AIRBYTE_RECONCILE_SECONDS=5
stack() { "${COMPOSE[@]}" -p airbyte -f docker-compose.yml -f docker-compose.standins.yml "$@"; }
cleanup() {
  local status=$?
  if [ "$status" != 0 ]; then
    stack ps || true
    stack logs --tail 80 server scheduler worker || true
  fi
  stack down -v --remove-orphans >/dev/null 2>&1 || true
  exit "$status"
}
trap cleanup EXIT
stack down -v --remove-orphans >/dev/null 2>&1 || true

API="http://localhost:$PORT/api"
api() {
  local method="$1" path="$2" body="${3:-}"
  curl -sS --fail-with-body -u "airbyte:$AIRBYTE_ADMIN_PASSWORD" -X "$method" -H 'Content-Type: application/json' \
    ${body:+-d "$body"} "$API$path"
}
json() { python3 -c "import sys, json; d = json.load(sys.stdin); print($1)"; }
wait_for() {
  local what="$1" seconds="$2"; shift 2
  for _ in $(seq 1 "$seconds"); do "$@" >/dev/null 2>&1 && return 0; sleep 1; done
  echo "$what did not happen within $seconds s" >&2
  return 1
}
psql_db() { stack exec -T db psql -v ON_ERROR_STOP=1 -U airbyte -d "$1" -tAc "$2"; }
await_job() {
  local job="$1" status
  for _ in $(seq 1 300); do
    status=$(api GET "/public/v1/jobs/$job" | json "d['status']")
    case "$status" in succeeded) return 0 ;; failed|cancelled) echo "job $job $status" >&2; return 1 ;; esac
    sleep 1
  done
  echo "job $job did not end within 300 s" >&2
  return 1
}
up() {
  local start=$SECONDS
  stack up -d
  wait_for "the API answering" 300 curl -sf "$API/public/v1/health"
  # the worker registers the built-in connectors (running their images' spec) when it starts
  wait_for "the built-in destinations registered" 180 \
    bash -c "d=\$(curl -sf -u airbyte:$AIRBYTE_ADMIN_PASSWORD '$API/v1/definitions?type=destination') \
      && grep -q destination-postgres <<<\"\$d\" && grep -q destination-snowflake <<<\"\$d\""
  echo "stack up in $((SECONDS - start)) s"
}

up
psql_db airbyte "CREATE DATABASE shop" >/dev/null
psql_db airbyte "CREATE DATABASE warehouse" >/dev/null
psql_db shop "CREATE TABLE customers (id int PRIMARY KEY, name text, updated_at timestamptz NOT NULL DEFAULT now());
  INSERT INTO customers (id, name, updated_at)
    SELECT i, 'customer ' || i, now() - ($ROWS - i) * interval '1 second' FROM generate_series(1, $ROWS) i" >/dev/null

PG='"host":"db","port":5432,"username":"airbyte","password":"airbyte","ssl_mode":{"mode":"disable"}'
WS=$(api GET /public/v1/workspaces | json "d['data'][0]['workspaceId']")
SRC=$(api POST /public/v1/sources "{\"name\":\"shop\",\"workspaceId\":\"$WS\",\"configuration\":{\"sourceType\":\"postgres\",$PG,\"database\":\"shop\"}}" | json "d['sourceId']")
DST=$(api POST /public/v1/destinations "{\"name\":\"warehouse\",\"workspaceId\":\"$WS\",\"configuration\":{\"destinationType\":\"postgres\",$PG,\"database\":\"warehouse\",\"schema\":\"shop\"}}" | json "d['destinationId']")
CON=$(api POST /public/v1/connections "{\"sourceId\":\"$SRC\",\"destinationId\":\"$DST\",\"name\":\"shop to warehouse\",\"configurations\":{\"streams\":[{\"name\":\"customers\",\"syncMode\":\"incremental_deduped_history\",\"cursorField\":[\"updated_at\"]}]}}" | json "d['connectionId']")
JOB=$(api POST /public/v1/jobs "{\"connectionId\":\"$CON\",\"jobType\":\"sync\"}" | json "d['jobId']")
await_job "$JOB"
COUNT=$(psql_db warehouse "SELECT count(*) FROM shop.customers")
[ "$COUNT" = "$ROWS" ] || { echo "the warehouse has $COUNT rows, not $ROWS" >&2; exit 1; }
CONTAINERS=$(stack logs worker | grep -c 'Starting container' || true)
[ "$CONTAINERS" -gt 0 ] || { echo "the worker started no connector container" >&2; exit 1; }
ROWS1=$(api GET "/public/v1/jobs/$JOB" | json "d['rowsSynced']")
[ "$ROWS1" = "$ROWS" ] || { echo "sync 1 reports $ROWS1 rows synced, not $ROWS" >&2; exit 1; }
EXTRACTED1=$(psql_db warehouse "SELECT max(_airbyte_extracted_at) FROM shop.customers")
echo "sync 1: $COUNT rows; the worker started $CONTAINERS connector containers"

stack down
up
NAME=$(api GET "/public/v1/connections/$CON" | json "d['name']")
[ "$NAME" = "shop to warehouse" ] || { echo "the connection is gone after a restart" >&2; exit 1; }
HISTORY=$(api GET "/public/v1/jobs?connectionId=$CON" | json "' '.join(str(j['jobId']) + ':' + j['status'] for j in d['data'])")
[ "$HISTORY" = "$JOB:succeeded" ] || { echo "job history after a restart: '$HISTORY'" >&2; exit 1; }
# the 10 newest rows change, the one holding the last cursor among them: the source reads from that
# cursor on (inclusive), so with the state committed by sync 1 it reads exactly these 10 rows, while
# a state lost in the restart would make it read all of them again
psql_db shop "UPDATE customers SET name = 'renamed', updated_at = now() WHERE id > $ROWS - 10" >/dev/null
JOB2=$(api POST /public/v1/jobs "{\"connectionId\":\"$CON\",\"jobType\":\"sync\"}" | json "d['jobId']")
await_job "$JOB2"
COUNT=$(psql_db warehouse "SELECT count(*) FROM shop.customers")
RENAMED=$(psql_db warehouse "SELECT count(*) FROM shop.customers WHERE name = 'renamed'")
[ "$COUNT" = "$ROWS" ] && [ "$RENAMED" = 10 ] || { echo "after the second sync: $COUNT rows, $RENAMED renamed" >&2; exit 1; }
ROWS2=$(api GET "/public/v1/jobs/$JOB2" | json "d['rowsSynced']")
[ "$ROWS2" = 10 ] || { echo "sync 2 moved $ROWS2 rows, not the 10 changed ones: the state did not survive down/up" >&2; exit 1; }
MOVED=$(psql_db warehouse "SELECT string_agg(id::text, ',' ORDER BY id) FROM shop.customers WHERE _airbyte_extracted_at > '$EXTRACTED1'")
EXPECTED=$(seq -s, $((ROWS - 9)) "$ROWS")
[ "$MOVED" = "$EXPECTED" ] || { echo "rows written by sync 2: '$MOVED', not '$EXPECTED'" >&2; exit 1; }
echo "after down/up: connection and history kept ($HISTORY); sync 2 (incremental dedup, from the state committed"
echo "  before the restart) moved only the 10 changed rows ($MOVED)"
echo "compose test passed"
