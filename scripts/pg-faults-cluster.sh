#!/usr/bin/env bash
# A PostgreSQL 15 cluster of its own (port 5433) for the database fault test,
# which restarts it while the backend polls and ingests: the main cluster the
# other tests share must not go down under them. Idempotent; prints nothing
# but errors. Usage: bash scripts/pg-faults-cluster.sh
set -euo pipefail
CLUSTER=ccc_faults
PORT=${CCC_FAULTS_PG_PORT:-5433}
if [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "15 $CLUSTER"; then
  pg_createcluster 15 "$CLUSTER" --port "$PORT" >/dev/null
fi
pg_ctlcluster 15 "$CLUSTER" start 2>/dev/null || pg_ctlcluster 15 "$CLUSTER" status >/dev/null
for _ in $(seq 1 60); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$PORT" && break
  sleep 1
done
runuser -u postgres -- psql -q -p "$PORT" -v ON_ERROR_STOP=1 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccc_faults') THEN
    CREATE ROLE ccc_faults LOGIN CREATEDB PASSWORD 'faults_Pg15_q7Xw';
  END IF;
END $$;
SQL
