#!/usr/bin/env bash
# Runs the given command against a throwaway PostgreSQL cluster: initdb in a temp
# folder, started on a free loopback port, DATABASE_URL exported, removed after.
# Without the server binaries it says it skipped, except in CI, where that fails.
set -euo pipefail
bindir=${PG_BINDIR:-/usr/lib/postgresql/15/bin}
if [ ! -x "$bindir/initdb" ]; then
    if [ "${CI:-}" = "true" ]; then
        echo "PostgreSQL server binaries not found in $bindir: CI must test on PostgreSQL." >&2
        exit 1
    fi
    echo "SKIPPED the PostgreSQL run: no server binaries in $bindir (install postgresql-15)."
    exit 0
fi

tmp=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    chown postgres "$tmp"
    as_pg=(runuser -u postgres --)
fi
stop() {
    "${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$tmp"
}
trap stop EXIT

"${as_pg[@]}" "$bindir/initdb" -D "$tmp/data" -U hhprod -A trust --no-sync >/dev/null
"${as_pg[@]}" "$bindir/pg_ctl" -D "$tmp/data" -l "$tmp/log" -w start \
    -o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" >/dev/null
echo "PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
export DATABASE_URL="postgres://hhprod@127.0.0.1:$port/hhprod"
"$@"
