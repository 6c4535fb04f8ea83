#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and benchmarks, on loopback only.
#   bash scripts/postgres.sh start   installs Debian's postgresql if missing, starts a fresh cluster,
#                                    prints the URL (postgresql://maktub@127.0.0.1:55432/maktub)
#   bash scripts/postgres.sh stop    stops it and removes its folder
set -euo pipefail
PORT="${MAKTUB_PG_PORT:-55432}"
DIR="${MAKTUB_PG_DIR:-/tmp/maktub-postgres-$PORT}"
URL="postgresql://maktub@127.0.0.1:$PORT/maktub"

bindir() {
    ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

as_owner() {
    # initdb and postgres refuse to run as root: run them as the postgres user then.
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "${1:-}" in
start)
    if [ -z "$(bindir)" ] || [ ! -x "$(bindir)/initdb" ]; then
        echo "== installing PostgreSQL from the distribution's packages" >&2
        if [ "$(id -u)" = "0" ]; then
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib >&2 \
                || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib >&2; }
        else
            echo "postgres.sh: PostgreSQL is not installed and this is not root: apt-get install postgresql" >&2
            exit 1
        fi
    fi
    BIN="$(bindir)"
    if [ -f "$DIR/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = "0" ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR" -U maktub --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_owner "$BIN/pg_ctl" -D "$DIR" -l "$DIR/server.log" -w \
        -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=256MB" start >/dev/null
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U maktub maktub
    echo "$URL"
    ;;
stop)
    BIN="$(bindir)"
    if [ -n "$BIN" ] && [ -f "$DIR/postmaster.pid" ]; then
        as_owner "$BIN/pg_ctl" -D "$DIR" -m fast -w stop >/dev/null || true
    fi
    rm -rf "$DIR"
    ;;
*)
    echo "usage: bash scripts/postgres.sh start|stop" >&2
    exit 2
    ;;
esac
