#!/usr/bin/env bash
# Make sure the local PostgreSQL 15 cluster is running and has the pgvector
# ("vector") extension available.
#
# Idempotent: when the cluster is up and vector.control is already installed,
# this only checks and exits within a second or so.
#
# When pgvector is missing (Debian bookworm does not package it for PG 15), it
# is built from the Debian trixie *source* package:
#   - a deb-src-only trixie entry is added on the same mirror the machine uses,
#   - an apt pin (priority -1) makes sure no trixie binary package is installed,
#   - postgresql-server-dev-15 + build tools are installed from bookworm,
#   - `apt-get source pgvector` is built with PG 15's pg_config and installed.
#
# Needs root (or passwordless sudo) for the install step.
set -euo pipefail

PG_MAJOR=15
PG_CLUSTER=main
PG_HOST=127.0.0.1
PG_PORT=5432
PG_USER=postgres
PG_CONFIG="/usr/lib/postgresql/${PG_MAJOR}/bin/pg_config"
VECTOR_CONTROL="/usr/share/postgresql/${PG_MAJOR}/extension/vector.control"
CHECK_DB=pam_vector_check

SRC_SUITE=trixie
SRC_LIST=/etc/apt/sources.list.d/pam-${SRC_SUITE}-src.sources
PIN_FILE=/etc/apt/preferences.d/pam-${SRC_SUITE}-src
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[ensure-postgres] $*"; }
die() { echo "[ensure-postgres] ERROR: $*" >&2; exit 1; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo -n)
  fi
fi
as_root() { "${SUDO[@]}" "$@"; }

# ---------------------------------------------------------------------------
# 1. Cluster up and accepting connections
# ---------------------------------------------------------------------------
cluster_status() {
  pg_lsclusters --no-header 2>/dev/null |
    awk -v v="$PG_MAJOR" -v c="$PG_CLUSTER" '$1 == v && $2 == c { print $4; exit }'
}

wait_ready() {
  local i
  for i in $(seq 1 60); do
    if pg_isready -q -h "$PG_HOST" -p "$PG_PORT"; then
      return 0
    fi
    sleep 1
  done
  die "PostgreSQL ${PG_MAJOR}/${PG_CLUSTER} is not accepting connections on ${PG_HOST}:${PG_PORT} after 60s (see /var/log/postgresql/postgresql-${PG_MAJOR}-${PG_CLUSTER}.log)"
}

ensure_cluster_up() {
  command -v pg_lsclusters >/dev/null 2>&1 || die "pg_lsclusters not found: is postgresql-common installed?"
  local status
  status="$(cluster_status)"
  [ -n "$status" ] || die "PostgreSQL cluster ${PG_MAJOR}/${PG_CLUSTER} does not exist (pg_lsclusters)"
  case "$status" in
    online*)
      ;;
    *)
      log "cluster ${PG_MAJOR}/${PG_CLUSTER} is ${status}; starting it"
      as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PG_CLUSTER" start ||
        die "could not start cluster ${PG_MAJOR}/${PG_CLUSTER}"
      ;;
  esac
  wait_ready
  log "cluster ${PG_MAJOR}/${PG_CLUSTER} is up on ${PG_HOST}:${PG_PORT}"
}

restart_cluster() {
  log "restarting cluster ${PG_MAJOR}/${PG_CLUSTER}"
  as_root pg_ctlcluster --skip-systemctl-redirect "$PG_MAJOR" "$PG_CLUSTER" restart ||
    die "could not restart cluster ${PG_MAJOR}/${PG_CLUSTER}"
  wait_ready
}

# ---------------------------------------------------------------------------
# 2. pgvector
# ---------------------------------------------------------------------------

# The Debian mirror the machine already uses (deb822 .sources or one-line
# sources.list format), falling back to deb.debian.org.
debian_mirror() {
  local uri=""
  local f
  for f in /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    [ "$f" = "$SRC_LIST" ] && continue
    uri="$(awk '
      /^[[:space:]]*$/ { if (uris != "" && suites ~ /(^|[[:space:]])bookworm([[:space:]]|$)/) { print uris; exit } uris = ""; suites = ""; next }
      /^URIs:/   { uris = $2 }
      /^Suites:/ { sub(/^Suites:[[:space:]]*/, ""); suites = $0 }
      END { if (uris != "" && suites ~ /(^|[[:space:]])bookworm([[:space:]]|$)/) print uris }
    ' "$f" | head -n1)"
    [ -n "$uri" ] && break
  done
  if [ -z "$uri" ]; then
    for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
      [ -f "$f" ] || continue
      uri="$(awk '$1 == "deb" {
          i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
          if ($(i + 1) == "bookworm") { print $i; exit }
        }' "$f")"
      [ -n "$uri" ] && break
    done
  fi
  echo "${uri:-http://deb.debian.org/debian}"
}

add_trixie_source() {
  local mirror
  mirror="$(debian_mirror)"
  log "adding deb-src-only ${SRC_SUITE} entry (${mirror}) and pinning ${SRC_SUITE} binaries to -1"
  local signed_by=""
  [ -f "$KEYRING" ] && signed_by="Signed-By: ${KEYRING}"
  as_root tee "$SRC_LIST" >/dev/null <<EOF
# Source packages only (used to build pgvector for PostgreSQL ${PG_MAJOR}).
Types: deb-src
URIs: ${mirror}
Suites: ${SRC_SUITE}
Components: main
${signed_by}
EOF
  as_root tee "$PIN_FILE" >/dev/null <<EOF
# Never install binary packages from ${SRC_SUITE}; its deb-src entry is only
# there so pgvector can be built from source.
Package: *
Pin: release n=${SRC_SUITE}
Pin-Priority: -1
EOF
}

# Run a command quietly; show its output only if it fails.
quietly() {
  local out rc=0
  out="$(mktemp)"
  "$@" >"$out" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || cat "$out" >&2
  rm -f "$out"
  return "$rc"
}

install_build_deps() {
  export DEBIAN_FRONTEND=noninteractive
  log "apt-get update"
  quietly as_root apt-get update || die "apt-get update failed"
  log "installing postgresql-server-dev-${PG_MAJOR} and build tools"
  # --no-upgrade: leave already-installed tools (make, gcc, dpkg-dev) alone.
  quietly as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends --no-upgrade \
    "postgresql-server-dev-${PG_MAJOR}" build-essential dpkg-dev ||
    die "apt-get install postgresql-server-dev-${PG_MAJOR} failed"
}

build_pgvector() {
  [ -x "$PG_CONFIG" ] || die "$PG_CONFIG not found after installing postgresql-server-dev-${PG_MAJOR}"
  local tmp
  tmp="$(mktemp -d /tmp/pgvector-build.XXXXXX)"
  # shellcheck disable=SC2064
  trap "rm -rf '$tmp'" EXIT
  # Let apt download as its sandbox user instead of warning about root.
  if id _apt >/dev/null 2>&1; then
    as_root chown _apt "$tmp" 2>/dev/null || true
  fi
  log "fetching pgvector source from ${SRC_SUITE} into ${tmp}"
  (cd "$tmp" && quietly as_root apt-get source "pgvector/${SRC_SUITE}") ||
    die "apt-get source pgvector/${SRC_SUITE} failed"
  local srcdir
  srcdir="$(find "$tmp" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)"
  [ -n "$srcdir" ] || die "pgvector source directory not found in $tmp"
  log "building $(basename "$srcdir") with ${PG_CONFIG}"
  # OPTFLAGS="" avoids -march=native so the result also runs on other CPUs
  # (Debian's "no-native" patch does the same; kept in case it is dropped).
  quietly as_root make -C "$srcdir" -j"$(nproc)" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" ||
    die "pgvector build failed"
  quietly as_root make -C "$srcdir" PG_CONFIG="$PG_CONFIG" OPTFLAGS="" install ||
    die "pgvector make install failed"
  [ -f "$VECTOR_CONTROL" ] || die "make install did not produce $VECTOR_CONTROL"
}

psql_admin() {
  PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" "$@"
}

verify_vector() {
  log "verifying CREATE EXTENSION vector in throwaway database ${CHECK_DB}"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS ${CHECK_DB}" -c "CREATE DATABASE ${CHECK_DB}" ||
    die "could not create database ${CHECK_DB}"
  local version rc=0
  version="$(psql_admin -d "$CHECK_DB" -At \
    -c "CREATE EXTENSION vector" \
    -c "SELECT extversion FROM pg_extension WHERE extname = 'vector'")" || rc=$?
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS ${CHECK_DB}" || rc=1
  [ "$rc" -eq 0 ] || die "CREATE EXTENSION vector failed"
  log "pgvector ${version} works"
}

ensure_vector() {
  if [ -f "$VECTOR_CONTROL" ]; then
    log "pgvector already installed ($(sed -n "s/^default_version *= *'\(.*\)'/\1/p" "$VECTOR_CONTROL"))"
    return 0
  fi
  log "pgvector missing for PostgreSQL ${PG_MAJOR}; building it from ${SRC_SUITE} sources"
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install pgvector for PostgreSQL ${PG_MAJOR} manually"
  if [ "$(id -u)" -ne 0 ] && [ "${#SUDO[@]}" -eq 0 ]; then
    die "pgvector is missing and installing it needs root (or sudo)"
  fi
  add_trixie_source
  install_build_deps
  # postgresql-server-dev-NN may have upgraded the server's minor version;
  # the running postmaster must be restarted or e.g. plpgsql fails to load.
  restart_cluster
  build_pgvector
  verify_vector
}

ensure_cluster_up
ensure_vector
log "done"
