#!/usr/bin/env bash
# Starts a PostgreSQL server on loopback for the store tests and prints the
# connection string. Idempotent: installs Debian's postgresql package when
# missing, creates a dedicated cluster `domain-atlas` on port 55432 once,
# starts it if it is down.
#
# Usage: export BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING=$(bash scripts/start-postgres.sh)

set -euo pipefail
port=55432
cluster=domain-atlas

if ! command -v pg_createcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version $cluster"; then
  pg_createcluster "$version" "$cluster" --port "$port" -- --auth-local=trust --auth-host=scram-sha-256 >&2
fi
if ! pg_lsclusters -h | awk -v c="$cluster" '$2 == c {print $4}' | grep -qx online; then
  pg_ctlcluster "$version" "$cluster" start >&2
fi
su postgres -c "psql -q -p $port -c \"ALTER USER postgres PASSWORD 'postgres'\"" >&2

echo "postgresql://postgres:postgres@127.0.0.1:$port"
