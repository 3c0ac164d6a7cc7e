#!/usr/bin/env bash
# Make sure Debian's Chromium is installed at /usr/bin/chromium: the /docs browser test
# (test/worker/docs-page.test.ts) drives it through playwright-core, whose own browser
# downloads cannot be reached from CI.
#
# Idempotent: when the binary is there this exits at once, without touching apt.
# Needs root (or passwordless sudo) for the install step.
set -euo pipefail

CHROMIUM=/usr/bin/chromium

log() { echo "[ensure-chromium] $*"; }
die() { echo "[ensure-chromium] ERROR: $*" >&2; exit 1; }

if [ -x "$CHROMIUM" ]; then
  log "$("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM") already installed"
  exit 0
fi

command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install Chromium at $CHROMIUM manually"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || die "installing Chromium needs root (or sudo)"
  SUDO=(sudo -n)
fi

# Run a command quietly; show its output only if it fails.
quietly() {
  local out rc=0
  out="$(mktemp)"
  "$@" >"$out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || cat "$out" >&2
  rm -f "$out"
  return "$rc"
}

install_chromium() {
  quietly "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends chromium
}

log "installing Debian's chromium package"
# Package lists may be missing or stale on a fresh machine; refresh them only when the
# install cannot find the package as they are.
if ! install_chromium 2>/dev/null; then
  log "apt-get update"
  quietly "${SUDO[@]}" apt-get update || die "apt-get update failed"
  install_chromium || die "apt-get install chromium failed"
fi
[ -x "$CHROMIUM" ] || die "the chromium package did not install $CHROMIUM"
log "$("$CHROMIUM" --version 2>/dev/null) installed"
