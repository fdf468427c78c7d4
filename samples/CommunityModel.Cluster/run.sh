#!/usr/bin/env bash
# Starts a PostgreSQL cluster for the sample (initdb on first use, in $COMMUNITYMODEL_PGDATA or /tmp), creates the
# database, installs Orleans' ADO.NET clustering tables when their scripts are at hand, then runs the sample with the
# arguments given (e.g. --silos 3 --members 300, or --measure throughput). `run.sh stop` stops the database.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
data="${COMMUNITYMODEL_PGDATA:-/tmp/communitymodel-cluster-pg}"
port="${COMMUNITYMODEL_PGPORT:-55432}"
orleans_version=10.4.2
# Orleans 10.x no longer ships its ADO.NET scripts inside the NuGet package: they live in the Orleans repository at
# the release's tag. Point ORLEANS_ADONET_SQL at a folder holding PostgreSQL-Main.sql and PostgreSQL-Clustering.sql
# (src/AdoNet/Shared and src/AdoNet/Orleans.Clustering.AdoNet of v$orleans_version), or let this script download them.
scripts="${ORLEANS_ADONET_SQL:-$data/orleans-sql}"

pgbin="$(dirname "$(ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -n 1 || command -v pg_ctl)")"
[ -x "$pgbin/pg_ctl" ] || { echo "PostgreSQL is not installed (apt-get install -y postgresql)"; exit 1; }
as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

if [ "${1:-}" = stop ]; then
  as_owner "$pgbin/pg_ctl" -D "$data" -m fast stop || true
  exit 0
fi

if [ ! -f "$data/PG_VERSION" ]; then
  mkdir -p "$data"
  [ "$(id -u)" = 0 ] && chown postgres "$data"
  as_owner "$pgbin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 > /dev/null
fi
if ! as_owner "$pgbin/pg_ctl" -D "$data" status > /dev/null 2>&1; then
  as_owner "$pgbin/pg_ctl" -D "$data" -w -l "$data/server.log" -o "-p $port -k /tmp -c listen_addresses=localhost -c max_connections=200 -c fsync=off" start > /dev/null
fi
psql=(psql -h localhost -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -tAc "select 1 from pg_database where datname = 'communitymodel'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database communitymodel"

if [ ! -f "$scripts/PostgreSQL-Clustering.sql" ] && [ -z "${ORLEANS_ADONET_SQL:-}" ]; then
  mkdir -p "$scripts"
  base="https://raw.githubusercontent.com/dotnet/orleans/v$orleans_version/src/AdoNet"
  curl -fsSL --max-time 10 -o "$scripts/PostgreSQL-Main.sql" "$base/Shared/PostgreSQL-Main.sql" \
    && curl -fsSL --max-time 10 -o "$scripts/PostgreSQL-Clustering.sql" "$base/Orleans.Clustering.AdoNet/PostgreSQL-Clustering.sql" \
    || { rm -f "$scripts"/*.sql; echo "(the Orleans ADO.NET scripts could not be downloaded: the sample uses development clustering)"; }
fi
if [ -f "$scripts/PostgreSQL-Clustering.sql" ] \
  && [ "$("${psql[@]}" -d communitymodel -tAc "select to_regclass('orleansquery') is not null")" != t ]; then
  "${psql[@]}" -d communitymodel -f "$scripts/PostgreSQL-Main.sql" -f "$scripts/PostgreSQL-Clustering.sql" > /dev/null
fi

dotnet run --project "$here" -c Release -- \
  --connection "Host=localhost;Port=$port;Username=postgres;Database=communitymodel;Maximum Pool Size=100" "$@"
