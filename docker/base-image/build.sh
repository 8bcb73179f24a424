#!/usr/bin/env bash
# Builds a Java 17 runtime base image without any container registry: debootstrap a minimal
# Debian with a headless JRE and import it. The Dockerfiles of this repository take their base
# image as a build argument (a public JRE image by default); machines that cannot pull, such as CI
# here, pass this one instead.
#
# Usage: docker/base-image/build.sh [IMAGE]   (default airbyte/jre-base:17; must run as root)
# Does nothing when the image already exists.
set -euo pipefail
IMAGE="${1:-airbyte/jre-base:17}"

if docker image inspect "$IMAGE" >/dev/null 2>&1; then
  echo "$IMAGE exists"
  exit 0
fi

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v debootstrap >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq debootstrap >/dev/null
fi

# the machine's own Debian mirror: the one apt already reaches
MIRROR=$(grep -rhoE '^(URIs:|deb) *https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
  | grep -oE 'https?://[^ ]+' | grep -v security | head -1 || true)
MIRROR="${MIRROR:-http://deb.debian.org/debian}"

ROOT=$(mktemp -d)
trap 'as_root rm -rf "$ROOT"' EXIT
echo "debootstrap bookworm from $MIRROR into $ROOT"
as_root debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates bookworm "$ROOT" "$MIRROR" >/dev/null
# keep the image lean: no apt lists, caches, docs or man pages
as_root rm -rf "$ROOT"/var/lib/apt/lists/* "$ROOT"/var/cache/apt/*.bin "$ROOT"/var/cache/apt/archives/*.deb \
  "$ROOT"/usr/share/doc/* "$ROOT"/usr/share/man/* "$ROOT"/usr/share/locale/*
as_root tar -C "$ROOT" -c . | docker import \
  --change 'ENV LANG=C.UTF-8' \
  --change 'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  --change 'CMD ["java", "-version"]' \
  - "$IMAGE" >/dev/null
docker run --rm "$IMAGE" java -version
echo "built $IMAGE"
