#!/usr/bin/env bash
# Starts a throw-away local PostgreSQL server for the Orleans tests (sourced by .ci/run): installs the server when it is
# missing and we are root, creates a database with the Orleans tables (src/CustomerLifecycle.Orleans/Sql), and exports
# CUSTOMERLIFECYCLE_POSTGRES. Where any step fails it says why and leaves the variable unset: the PostgreSQL tests then
# report themselves as skipped with that reason, and the rest of the run is unaffected. postgres_stop stops and removes it.

postgres_schema="$(pwd)/src/CustomerLifecycle.Orleans/Sql/orleans-postgresql.sql"
postgres_port="${CUSTOMERLIFECYCLE_POSTGRES_PORT:-55432}"
postgres_data=""

# The newest installed server's bin directory, or nothing. Never fails: .ci/run sets -euo pipefail, under which a failing
# ls (no server installed) would end the whole run before the install or the skip below.
postgres_bin() {
  { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1
}

# Runs a command as the server's owner: the server refuses to run as root.
postgres_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

# The server log's first error, or its last line.
postgres_first_error() {
  grep -m 1 -E "FATAL|ERROR" "$postgres_data/server.log" 2>/dev/null || tail -n 1 "$postgres_data/server.log" 2>/dev/null || true
}

postgres_skip() {
  echo "PostgreSQL could not be started: $1. The PostgreSQL tests are skipped (see docs/orleans.md)." >&2
  unset CUSTOMERLIFECYCLE_POSTGRES
  postgres_stop
  return 0
}

postgres_start() {
  local bin
  bin="$(postgres_bin)"
  if [ -z "$bin" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL (apt-get install postgresql)..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || true
    bin="$(postgres_bin)"
  fi
  [ -n "$bin" ] || { postgres_skip "no PostgreSQL server is installed and it could not be installed"; return 0; }
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    postgres_skip "there is no 'postgres' user to run the server as"; return 0
  fi

  # Outside the work tree: the server's user must be able to reach its data directory.
  postgres_data="$(mktemp -d /tmp/customerlifecycle-postgres.XXXXXX)" \
    || { postgres_data=""; postgres_skip "no data directory could be made under /tmp"; return 0; }
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$postgres_data" || { postgres_skip "the data directory could not be given to the 'postgres' user"; return 0; }
  fi
  postgres_as_owner "$bin/initdb" -D "$postgres_data/data" -U postgres -A trust --no-sync >"$postgres_data/initdb.log" 2>&1 \
    || { postgres_skip "initdb failed ($(tail -n 1 "$postgres_data/initdb.log"))"; return 0; }
  postgres_as_owner "$bin/pg_ctl" -D "$postgres_data/data" -l "$postgres_data/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $postgres_port -k $postgres_data -c fsync=off" start >/dev/null 2>&1 \
    || { postgres_skip "the server did not start on port $postgres_port ($(postgres_first_error))"; return 0; }
  local psql=("$bin/psql" -h 127.0.0.1 -p "$postgres_port" -U postgres -v ON_ERROR_STOP=1 -q)
  "${psql[@]}" -d postgres -c "CREATE DATABASE customerlifecycle" >/dev/null \
    && "${psql[@]}" -d customerlifecycle -f "$postgres_schema" >/dev/null \
    || { postgres_skip "the Orleans tables could not be created"; return 0; }
  export CUSTOMERLIFECYCLE_POSTGRES="Host=127.0.0.1;Port=$postgres_port;Username=postgres;Database=customerlifecycle"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') started on port $postgres_port for the Orleans tests."
}

postgres_stop() {
  local bin
  bin="$(postgres_bin)"
  if [ -n "$postgres_data" ] && [ -d "$postgres_data/data" ] && [ -n "$bin" ]; then
    postgres_as_owner "$bin/pg_ctl" -D "$postgres_data/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  if [ -n "$postgres_data" ]; then
    rm -rf "$postgres_data"
  fi
  postgres_data=""
  return 0
}
