#!/usr/bin/env bash
# Starts the Debian PostgreSQL cluster and makes a `foothold` superuser for the tests
# (tests create and drop one database each). Safe to run again.
set -euo pipefail
SUDO=""
AS_POSTGRES="runuser -u postgres --"
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; AS_POSTGRES="sudo -u postgres"; fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! $SUDO pg_lsclusters -h | grep -q .; then
  $SUDO pg_createcluster "$version" main
fi
cluster="$($SUDO pg_lsclusters -h | head -1 | awk '{print $1" "$2}')"
$SUDO pg_ctlcluster $cluster start 2>/dev/null || true
for _ in $(seq 1 50); do
  if $AS_POSTGRES psql -qAt -c 'select 1' >/dev/null 2>&1; then break; fi
  sleep 0.2
done
$AS_POSTGRES psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'foothold') THEN
    CREATE ROLE foothold LOGIN SUPERUSER PASSWORD 'foothold';
  END IF;
END $$;
SQL
echo "PostgreSQL $version is running on 127.0.0.1:5432 (user foothold)"
