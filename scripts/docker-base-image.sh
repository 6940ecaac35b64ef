#!/usr/bin/env bash
# Creates the Docker image `localnode:20` (or the name given as $1) from this machine's own node
# binary and the shared libraries it loads, for machines where no registry can be reached
# (`docker pull` impossible). Idempotent: does nothing when the image exists and its label
# `org.deploy-pilot.node-version` equals `node -v`. The library list comes from `ldd`, including
# the dynamic loader, so nothing is hard-coded. Images built FROM it run `node` as entrypoint:
#   FROM localnode:20
#   COPY app.js /app.js
#   CMD ["/app.js"]
set -euo pipefail

IMAGE=${1:-localnode:20}
LABEL=org.deploy-pilot.node-version

say() { echo "[docker-base-image] $*"; }
die() { echo "[docker-base-image] error: $*" >&2; exit 1; }

command -v docker >/dev/null || die "the docker client is not installed"
NODE_BIN=$(command -v node) || die "node is not on PATH"
NODE_BIN=$(readlink -f "$NODE_BIN")
NODE_VERSION=$(node -v)
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
  die "no Docker engine answers (start dockerd or set DOCKER_HOST)"

existing=$(docker image inspect --format "{{ index .Config.Labels \"$LABEL\" }}" "$IMAGE" 2>/dev/null || true)
if [[ "$existing" == "$NODE_VERSION" ]]; then
  say "$IMAGE is up to date (node $NODE_VERSION): nothing to do"
  exit 0
fi
old_id=$(docker image inspect --format '{{.Id}}' "$IMAGE" 2>/dev/null || true)
if [[ -n "$old_id" ]]; then
  say "$IMAGE has node ${existing:-of unknown version}, this machine has $NODE_VERSION: rebuilding"
else
  say "$IMAGE does not exist: building it from $NODE_BIN ($NODE_VERSION)"
fi
case "$NODE_VERSION" in v20.*) ;; *) say "warning: node $NODE_VERSION is not Node 20, the tag says 20" ;; esac

# Every absolute path ldd prints: "libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" and the
# loader line "/lib64/ld-linux-x86-64.so.2 (0x...)". linux-vdso has no file and is skipped.
mapfile -t LIBS < <(ldd "$NODE_BIN" | awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | sort -u)
[[ ${#LIBS[@]} -gt 0 ]] || die "ldd listed no libraries for $NODE_BIN (a static binary needs none, but this is unexpected)"
interp=$(ldd "$NODE_BIN" | awk '/ld-linux|ld-musl/ { for (i = 1; i <= NF; i++) if ($i ~ /^\//) print $i }' | head -n 1)
[[ -n "$interp" ]] || die "ldd did not list the dynamic loader of $NODE_BIN"

STAGE=$(mktemp -d /tmp/docker-base-image.XXXXXX)
trap 'rm -rf "$STAGE"' EXIT
mkdir -p "$STAGE/usr/bin" "$STAGE/tmp"
chmod 1777 "$STAGE/tmp"
cp -L "$NODE_BIN" "$STAGE/usr/bin/node"
for lib in "${LIBS[@]}"; do
  # Keep the path the loader asks for (e.g. /lib64/ld-linux-x86-64.so.2 even where /lib64 is a
  # symlink on the host); -L copies the file itself, not the symlink.
  mkdir -p "$STAGE$(dirname "$lib")"
  cp -L "$lib" "$STAGE$lib"
done
say "files: /usr/bin/node ${LIBS[*]}"

new_id=$(tar -C "$STAGE" -cf - . |
  docker import \
    -c 'ENTRYPOINT ["/usr/bin/node"]' \
    -c "LABEL $LABEL=$NODE_VERSION" \
    -m "node $NODE_VERSION and its libraries from $(hostname)" \
    - "$IMAGE")
say "imported $IMAGE ($new_id)"

if [[ -n "$old_id" && "$old_id" != "$new_id" ]]; then
  docker image rm "$old_id" >/dev/null 2>&1 && say "removed the previous image $old_id" ||
    say "kept the previous image $old_id (still in use)"
fi

actual=$(docker run --rm --network host --entrypoint /usr/bin/node "$IMAGE" -v) ||
  die "$IMAGE was created but node does not start in it"
[[ "$actual" == "$NODE_VERSION" ]] || die "$IMAGE runs node $actual, expected $NODE_VERSION"
say "checked: node $actual runs in $IMAGE"
