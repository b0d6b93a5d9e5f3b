#!/bin/sh
# pg_ctl for pytest-postgresql's executor: PostgreSQL refuses to run as root, so as root run it as `postgres`.
PG_CTL="${GEO_PG_CTL:-$(ls -d /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1)}"
if [ "$(id -u)" = 0 ]; then
  exec runuser -u postgres -- "$PG_CTL" "$@"
fi
exec "$PG_CTL" "$@"
