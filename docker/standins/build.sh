#!/usr/bin/env bash
# Builds local stand-ins for the public images docker-compose.yml uses, for machines that reach no
# registry (CI here): PostgreSQL from Debian's packages, Temporal's Java test server, and the docker
# client (this machine's) for the worker image. docker-compose.standins.yml selects them.
#
# Usage: docker/standins/build.sh   (after ./mvnw package: the Temporal stand-in takes the test server
#        from airbyte-standalone/target/airbyte-standalone.jar)
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE_IMAGE="${AIRBYTE_BASE_IMAGE:-airbyte/jre-base:17}"
bash docker/base-image/build.sh "$BASE_IMAGE" >/dev/null

docker image inspect airbyte/postgres-standin:15 >/dev/null 2>&1 \
  || docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t airbyte/postgres-standin:15 docker/standins/postgres >/dev/null

CONTEXT=$(mktemp -d)
trap 'rm -rf "$CONTEXT"' EXIT
cp airbyte-standalone/target/airbyte-standalone.jar "$CONTEXT/"
cp docker/standins/temporal/Dockerfile "$CONTEXT/"
docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" -t airbyte/temporal-standin:dev "$CONTEXT" >/dev/null

rm -rf "${CONTEXT:?}"/*
mkdir -p "$CONTEXT/usr/local/bin"
cp "$(command -v docker)" "$CONTEXT/usr/local/bin/docker"
printf 'FROM scratch\nCOPY usr/local/bin/docker /usr/local/bin/docker\n' > "$CONTEXT/Dockerfile"
docker build -q -t airbyte/docker-cli-standin:dev "$CONTEXT" >/dev/null
echo "built airbyte/postgres-standin:15, airbyte/temporal-standin:dev, airbyte/docker-cli-standin:dev"
