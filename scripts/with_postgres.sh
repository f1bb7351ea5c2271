#!/usr/bin/env bash
# Runs a command (the test suite) beside a throwaway PostgreSQL server, so the store's tests
# run against PostgreSQL as well as SQLite: Debian's postgresql package (installed with apt
# when missing and run as root), initdb in a temporary folder, a free port on loopback only,
# the server run as the `postgres` user, and NEWSPRISM_TEST_POSTGRES naming its database.
# The server and its folder are gone when the command ends. Without PostgreSQL, the command
# runs alone and the PostgreSQL tests skip with a reason.
set -euo pipefail

server_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

BIN=$(server_bin)
if [ -z "$BIN" ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  BIN=$(server_bin)
fi
if [ -z "$BIN" ]; then
  echo "with_postgres: no PostgreSQL server (Debian package postgresql); its tests will skip" >&2
  exec "$@"
fi

DIR=$(mktemp -d /tmp/newsprism-postgres.XXXXXX)
as_server() {  # initdb and postgres refuse to run as root
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = "0" ] && chown postgres "$DIR"
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
  as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap stop EXIT

as_server "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# A test server: durability off, for speed; nothing in it outlives the run.
as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w start -o \
  "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
as_server "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres newsprism_test
export NEWSPRISM_TEST_POSTGRES="postgresql://postgres@127.0.0.1:$PORT/newsprism_test"
echo "with_postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT" >&2
"$@"
