# shellcheck shell=bash
# Sourced by the base image scripts (docker/base-image/build.sh, docker/python-base-image/build.sh):
# a base image made without any container registry, by debootstrapping a minimal Debian bookworm
# from the machine's own Debian mirror and importing its root file system.

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# image_exists IMAGE: true (and says so) when the image is already there, so a build does nothing
image_exists() {
  if docker image inspect "$1" >/dev/null 2>&1; then
    echo "$1 exists"
    return 0
  fi
  return 1
}

# debian_mirror: the Debian mirror apt already reaches on this machine (deb.debian.org when none is found)
debian_mirror() {
  local mirror
  mirror=$(grep -rhoE '^(URIs:|deb) *https?://[^ ]+/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null \
    | grep -oE 'https?://[^ ]+' | grep -v security | head -1 || true)
  echo "${mirror:-http://deb.debian.org/debian}"
}

# debian_image IMAGE PACKAGES [CHANGE...]: debootstrap bookworm (minbase) with PACKAGES (comma
# separated), drop apt lists, caches, docs, man pages and locales, and `docker import` it as IMAGE
# with ENV LANG=C.UTF-8 and each CHANGE (a Dockerfile instruction, e.g. 'CMD ["java", "-version"]').
debian_image() {
  local image="$1" packages="$2"
  shift 2
  if ! command -v debootstrap >/dev/null 2>&1; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq debootstrap >/dev/null
  fi
  local mirror root
  mirror=$(debian_mirror)
  root=$(mktemp -d)
  # shellcheck disable=SC2064 # the directory is known now
  trap "as_root rm -rf '$root'" EXIT
  echo "debootstrap bookworm with $packages from $mirror into $root"
  as_root debootstrap --variant=minbase --include="$packages" bookworm "$root" "$mirror" >/dev/null
  as_root rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/cache/apt/archives/*.deb \
    "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/locale/*
  local changes=(--change 'ENV LANG=C.UTF-8')
  local change
  for change in "$@"; do
    changes+=(--change "$change")
  done
  as_root tar -C "$root" -c . | docker import "${changes[@]}" - "$image" >/dev/null
}
