#!/usr/bin/env bash
# Builds a Python 3.11 base image without any container registry, as docker/base-image/build.sh
# does for the JRE (docker/lib/debian-image.sh): Debian bookworm's python3 with venv (and so pip's
# bundled wheel) and ca-certificates. docker/python-connector/build.sh builds connector images on it.
#
# Usage: docker/python-base-image/build.sh [IMAGE]   (default airbyte/python-base:3.11; must run as root)
# Does nothing when the image already exists.
set -euo pipefail
IMAGE="${1:-airbyte/python-base:3.11}"
# shellcheck source=docker/lib/debian-image.sh
source "$(dirname "$0")/../lib/debian-image.sh"

image_exists "$IMAGE" && exit 0
debian_image "$IMAGE" python3,python3-venv,ca-certificates \
  'ENV PYTHONDONTWRITEBYTECODE=1' \
  'ENV PIP_DISABLE_PIP_VERSION_CHECK=1' \
  'CMD ["python3", "--version"]'
docker run --rm "$IMAGE" sh -c 'python3 --version && python3 -m venv /tmp/v && /tmp/v/bin/pip --version'
echo "built $IMAGE"
