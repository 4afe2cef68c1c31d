#!/usr/bin/env bash
# with-postgres.sh COMMAND...: run COMMAND with a throwaway PostgreSQL server.
#
# Installs Debian's postgresql when initdb is missing, creates a cluster in a
# temporary folder (owned by the postgres user when run as root: initdb refuses
# root), starts it on a Unix socket in that folder (no TCP port, so parallel
# runs never collide), exports PARTYOFFICE_TEST_PG (a postgres:// DSN of a
# superuser) for the tests, runs COMMAND and always stops and removes the
# cluster. When no server can be had, COMMAND still runs without the variable
# and the PostgreSQL tests skip, saying so.
set -uo pipefail

note() { echo "postgres: $*" >&2; }

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

install_server() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local sudo=""
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo="sudo -n"; } || return 1
  note "installing Debian's postgresql (initdb not found)"
  $sudo apt-get update -qq >/dev/null 2>&1 &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null 2>&1
}

start_server() {
  BIN=$(find_bin) || { install_server && BIN=$(find_bin); } || return 1
  PGTMP=$(mktemp -d /tmp/partyoffice-pg.XXXXXX) || return 1
  chmod 755 "$PGTMP"
  RUNAS=()
  if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres 2>/dev/null || return 1
    chown postgres "$PGTMP"
    RUNAS=(runuser -u postgres --)
  fi
  "${RUNAS[@]}" "$BIN/initdb" -D "$PGTMP/data" -U postgres -A trust -E UTF8 --no-locale >"$PGTMP/initdb.log" 2>&1 ||
    { cat "$PGTMP/initdb.log" >&2; return 1; }
  # Small and fast: no TCP, no fsync (a throwaway cluster), enough connections
  # for parallel test packages.
  "${RUNAS[@]}" "$BIN/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
    -o "-k $PGTMP -c listen_addresses= -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$PGTMP/server.log" >&2; return 1; }
  export PARTYOFFICE_TEST_PG="postgres://postgres@/postgres?host=$PGTMP&sslmode=disable"
  note "throwaway server $("$BIN/postgres" --version | awk '{print $3}') on socket $PGTMP"
}

stop_server() {
  if [ -n "${PGTMP:-}" ]; then
    "${RUNAS[@]}" "$BIN/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1
    rm -rf "$PGTMP"
  fi
}

if [ -n "${PARTYOFFICE_TEST_PG:-}" ]; then
  note "using the server of PARTYOFFICE_TEST_PG"
elif ! start_server; then
  stop_server
  unset PARTYOFFICE_TEST_PG
  note "no PostgreSQL server could be installed or started: the PostgreSQL tests will SKIP"
fi
trap stop_server EXIT INT TERM
"$@"
