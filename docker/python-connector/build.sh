#!/usr/bin/env bash
# Builds the image of a Python connector published on PyPI without reaching any index from inside
# Docker: pip downloads the package and all its dependencies as wheels on the host (for CPython 3.11
# on manylinux x86_64, the base image's), then the Dockerfile beside this script installs them with
# `pip install --no-index --find-links` into a virtual environment of the image. The image runs as
# Airbyte's Python images do (`python /airbyte/integration_code/main.py <command>`), so
# `docker run --rm -i IMAGE spec` answers like any protocol image.
#
# Usage: docker/python-connector/build.sh PACKAGE [VERSION [IMAGE]]
#   VERSION   default: PACKAGE's pin in airbyte-test-support/src/main/resources/python-pins.properties
#   IMAGE     default: airbyte-pypi/PACKAGE:VERSION
#   AIRBYTE_PYTHON_BASE_IMAGE   the base (default airbyte/python-base:3.11, made by
#                               docker/python-base-image/build.sh when missing; python:3.11-slim-bookworm works too)
#   AIRBYTE_PYTHON_WHEELS       where the downloaded wheels are kept (default ~/.cache/airbyte-python-wheels)
#   AIRBYTE_PYTHON              the host's Python that runs pip (default python3.11, else python3)
# Does nothing when IMAGE exists and was built from the same Dockerfile, main.py, console_script.py and base image.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PINS="$ROOT/airbyte-test-support/src/main/resources/python-pins.properties"

fail() { echo "python-connector: $*" >&2; exit 1; }

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
  fail "usage: $0 PACKAGE [VERSION [IMAGE]]"
fi
PACKAGE="$1"
VERSION="${2:-}"
# the same rules as the worker's python_package runtime: a PEP 508 name, a plain release
[[ "$PACKAGE" =~ ^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$ ]] || fail "PACKAGE '$PACKAGE' is not a package name"
if [ -z "$VERSION" ]; then
  VERSION=$(sed -n "s/^${PACKAGE//./\\.}[[:space:]]*=[[:space:]]*//p" "$PINS" | tr -d '[:space:]')
  [ -n "$VERSION" ] || fail "PACKAGE '$PACKAGE' is not pinned in $PINS: give its VERSION"
fi
IMAGE="${3:-airbyte-pypi/$(echo "$PACKAGE" | tr '[:upper:]' '[:lower:]'):$VERSION}"
[[ "$VERSION" =~ ^([0-9]+!)?[0-9]+(\.[0-9]+)*((a|b|rc)[0-9]+)?(\.post[0-9]+)?(\.dev[0-9]+)?$ ]] \
  || fail "VERSION '$VERSION' is not a plain release such as 7.2.1 (no ranges)"

BASE="${AIRBYTE_PYTHON_BASE_IMAGE:-airbyte/python-base:3.11}"
if ! docker image inspect "$BASE" >/dev/null 2>&1; then
  if [ "$BASE" = airbyte/python-base:3.11 ]; then
    bash "$ROOT/docker/python-base-image/build.sh" "$BASE"
  else
    docker pull "$BASE" || fail "the base image $BASE is neither here nor pullable (AIRBYTE_PYTHON_BASE_IMAGE)"
  fi
fi

# what the image is made from: a changed Dockerfile, main.py, console_script.py or base image makes it again
RECIPE=$( { cat "$HERE/Dockerfile" "$HERE/main.py" "$HERE/console_script.py"; docker image inspect --format '{{.Id}}' "$BASE"; } | sha256sum | cut -c1-16)
if [ "$(docker image inspect --format '{{index .Config.Labels "io.airbyte.python-recipe"}}' "$IMAGE" 2>/dev/null)" = "$RECIPE" ]; then
  echo "$IMAGE exists"
  exit 0
fi

PY="${AIRBYTE_PYTHON:-$(command -v python3.11 || command -v python3 || true)}"
[ -n "$PY" ] || fail "no python3 on the PATH to download the wheels with (AIRBYTE_PYTHON)"

# The wheels, once per machine: pip takes them for the image's interpreter and platform, not the host's.
WHEELS_ROOT="${AIRBYTE_PYTHON_WHEELS:-$HOME/.cache/airbyte-python-wheels}"
WHEELS="$WHEELS_ROOT/$PACKAGE-$VERSION-cp311-manylinux_x86_64"
mkdir -p "$WHEELS"
PLATFORMS=(--platform manylinux1_x86_64 --platform manylinux2010_x86_64 --platform manylinux2014_x86_64)
for minor in $(seq 5 36); do  # glibc 2.36 is bookworm's
  PLATFORMS+=(--platform "manylinux_2_${minor}_x86_64")
done
(
  flock 9  # several builds at once download once
  if [ ! -f "$WHEELS/.complete" ]; then
    echo "downloading $PACKAGE==$VERSION and its dependencies into $WHEELS"
    "$PY" -m pip download --quiet --disable-pip-version-check --dest "$WHEELS" --only-binary=:all: \
      --implementation cp --python-version 3.11 --abi cp311 "${PLATFORMS[@]}" "$PACKAGE==$VERSION" \
      || fail "pip could not download $PACKAGE==$VERSION with its dependencies as wheels for CPython 3.11 on manylinux x86_64 (a dependency without such a wheel cannot be installed this way)"
    touch "$WHEELS/.complete"
  fi
) 9>"$WHEELS_ROOT/.$PACKAGE-$VERSION.lock"

NORMALIZED=$(echo "$PACKAGE" | tr '[:upper:]' '[:lower:]' | sed -E 's/[-_.]+/_/g')
WHEEL=$(find "$WHEELS" -maxdepth 1 -iname "${NORMALIZED}-${VERSION}-*.whl" | head -1)
[ -n "$WHEEL" ] || fail "no wheel of $PACKAGE $VERSION among the downloaded ones in $WHEELS"
SCRIPT=$("$PY" "$HERE/console_script.py" "$WHEEL" "$PACKAGE")

CONTEXT=$(mktemp -d)
trap 'rm -rf "$CONTEXT"' EXIT
cp "$HERE/Dockerfile" "$HERE/main.py" "$CONTEXT/"
mkdir "$CONTEXT/wheels"
cp "$WHEELS"/*.whl "$CONTEXT/wheels/"
echo "building $IMAGE: $PACKAGE $VERSION on $BASE, running $SCRIPT"
if ! OUTPUT=$(docker build -q --build-arg BASE_IMAGE="$BASE" --build-arg PACKAGE="$PACKAGE" --build-arg VERSION="$VERSION" \
  --build-arg CONSOLE_SCRIPT="$SCRIPT" --build-arg RECIPE="$RECIPE" -t "$IMAGE" "$CONTEXT" 2>&1); then
  echo "$OUTPUT" >&2
  fail "docker build of $IMAGE failed"
fi
# an image that does not speak the protocol is not kept (it would pass for built next time)
if ! docker run --rm -i "$IMAGE" spec </dev/null 2>/dev/null | grep -q '"type": *"SPEC"'; then
  docker image rm -f "$IMAGE" >/dev/null
  fail "$IMAGE does not answer spec with a SPEC message: $PACKAGE $VERSION is not a connector (its image is removed)"
fi
echo "built $IMAGE"
