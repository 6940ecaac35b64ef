#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3, runs on Node 20) into a user cache folder
# without any postinstall download, following shared/notes/real-vscode-host.md.
# Idempotent: a finished install leaves a marker and later runs return at once.
# Prints the install folder on its last line of stdout.
set -euo pipefail

VERSION="${CODE_SERVER_VERSION:-4.100.3}"
CACHE_ROOT="${DEPLOY_PILOT_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/deploy-pilot}"
DIR="$CACHE_ROOT/code-server-$VERSION"
MARKER="$DIR/.installed"

log() { echo "[install-code-server] $*" >&2; }

if [[ -f "$MARKER" ]]; then
  echo "$DIR"
  exit 0
fi

for tool in node npm; do
  command -v "$tool" >/dev/null || { log "missing $tool"; exit 1; }
done
if [[ ! -e /usr/include/krb5.h && ! -e /usr/include/gssapi/gssapi.h ]]; then
  log "warning: libkrb5-dev headers not found; the kerberos native module may fail to build (apt-get install -y libkrb5-dev)"
fi

# Start from a clean folder: a half-finished install is never reused.
rm -rf "$DIR"
mkdir -p "$DIR"
cd "$DIR"
npm init -y >/dev/null
log "npm install code-server@$VERSION (no scripts)"
npm install --no-audit --no-fund --ignore-scripts "code-server@$VERSION" >&2
npm rebuild argon2 >&2

VS="$DIR/node_modules/code-server/lib/vscode"
cd "$VS"
log "installing VS Code's own dependencies"
npm install --no-audit --no-fund --omit=dev --ignore-scripts >&2
if command -v rg >/dev/null; then
  # Prefer the system ripgrep: its postinstall download cannot work offline.
  mkdir -p node_modules/@vscode/ripgrep/bin
  ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
fi
log "building native modules (node-pty, spdlog, ...)"
npm_config_yes=true npm rebuild >&2
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm_config_yes=true npm install --no-audit --no-fund --omit=dev >&2)

touch "$MARKER"
log "installed in $DIR"
echo "$DIR"
