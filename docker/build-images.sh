#!/usr/bin/env bash
# Builds every image of the platform: the server (with the UI), the scheduler, the worker and the
# built-in connectors, tagged airbyte/<name>:<TAG>.
#
# Usage: docker/build-images.sh [TAG]   (default dev)
#   AIRBYTE_BASE_IMAGE   the JRE base image (default eclipse-temurin:17-jre; docker/base-image/build.sh
#                        makes a local one for machines without a registry)
#   DOCKER_CLI_IMAGE     where the worker takes its docker client from (default docker:28-cli)
#   SKIP_MAVEN=true      use the jars already built instead of running ./mvnw package first
set -euo pipefail
cd "$(dirname "$0")/.."
TAG="${1:-dev}"
BASE_IMAGE="${AIRBYTE_BASE_IMAGE:-eclipse-temurin:17-jre}"
DOCKER_CLI_IMAGE="${DOCKER_CLI_IMAGE:-docker:28-cli}"

if [ "${SKIP_MAVEN:-false}" != true ]; then
  ./mvnw -q -B package -DskipTests
fi

build() {
  local name="$1" context="$2"
  echo "building airbyte/$name:$TAG from $context"
  docker build -q --build-arg BASE_IMAGE="$BASE_IMAGE" --build-arg DOCKER_CLI_IMAGE="$DOCKER_CLI_IMAGE" \
    -t "airbyte/$name:$TAG" "$context" >/dev/null
}

build server airbyte-server
build scheduler airbyte-scheduler
build worker airbyte-worker
for connector in source-postgres source-faker destination-postgres destination-duckdb destination-snowflake; do
  build "$connector" "connectors/$connector"
done
echo "built airbyte/{server,scheduler,worker,source-postgres,source-faker,destination-postgres,destination-duckdb,destination-snowflake}:$TAG"
