#!/usr/bin/env bash
# Builds a Java 17 runtime base image without any container registry: debootstrap a minimal
# Debian with a headless JRE and import it (docker/lib/debian-image.sh). The Dockerfiles of this
# repository take their base image as a build argument (a public JRE image by default); machines
# that cannot pull, such as CI here, pass this one instead.
#
# Usage: docker/base-image/build.sh [IMAGE]   (default airbyte/jre-base:17; must run as root)
# Does nothing when the image already exists.
set -euo pipefail
IMAGE="${1:-airbyte/jre-base:17}"
# shellcheck source=docker/lib/debian-image.sh
source "$(dirname "$0")/../lib/debian-image.sh"

image_exists "$IMAGE" && exit 0
debian_image "$IMAGE" openjdk-17-jre-headless,ca-certificates \
  'ENV JAVA_HOME=/usr/lib/jvm/java-17-openjdk-amd64' \
  'CMD ["java", "-version"]'
docker run --rm "$IMAGE" java -version
echo "built $IMAGE"
