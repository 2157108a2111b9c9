#!/usr/bin/env bash
# Manual check of several replicas (README, "Production notes"): starts the
# COMtrexx simulator and TWO backends (no frontend) against ONE local
# PostgreSQL 15, started the way .ci/run starts it. Both replicas share the
# plugin databases, so each `ccc-status-poll-<i>-of-<n>` slice runs on one of
# them per round; stop one (kill its process group, printed below) and the
# other takes its slices over. Ctrl-C stops everything.
#
# Ports: CCC_REPLICA_PORTS (default "7007 7017"), simulator COMTREXX_SIMULATOR_PORT
# (default 7008). The demo fleet is seeded through the first replica.
# Databases are created with the prefix CCC_REPLICAS_DB_PREFIX (default
# ccc_replicas_), so they do not mix with the development or test databases.
# Needs root for pg_ctlcluster/runuser, like .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

read -r -a ports <<< "${CCC_REPLICA_PORTS:-7007 7017}"
sim_port=${COMTREXX_SIMULATOR_PORT:-7008}
prefix=${CCC_REPLICAS_DB_PREFIX:-ccc_replicas_}
pg_url=${CCC_REPLICAS_PG_URL:-postgresql://ccc_ci:ci_Pg15_k9Tz@127.0.0.1:5432}

bash scripts/ensure-install.sh

# PostgreSQL 15 and the ccc_ci role, as .ci/run does.
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
fi
pg_ctlcluster 15 main start 2>/dev/null || pg_ctlcluster 15 main status >/dev/null
bash scripts/wait-for-pg.sh
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ccc_ci') THEN
    CREATE ROLE ccc_ci LOGIN CREATEDB PASSWORD 'ci_Pg15_k9Tz';
  END IF;
END $$;
SQL

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

setsid node packages/comtrexx-simulator/bin/comtrexx-simulator \
  --port "$sim_port" --devices "${COMTREXX_SIMULATOR_DEVICES:-12}" --seed "${COMTREXX_SIMULATOR_SEED:-4711}" \
  --ccc-url "http://127.0.0.1:${ports[0]}/api/ccc" &
pids+=($!)
bash scripts/wait-for-url.sh "http://127.0.0.1:$sim_port/health" 60

# One config layer per replica over app-config.yaml: its port, and the shared PostgreSQL
# (a connection string replaces the SQLite directory of app-config.yaml).
tmp=$(mktemp -d)
for port in "${ports[@]}"; do
  cat > "$tmp/replica-$port.yaml" <<YAML
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
  database:
    client: pg
    connection: $pg_url
    prefix: $prefix
ccc:
  demo:
    simulatorUrl: http://127.0.0.1:$sim_port
  devices:
    urlTemplate: http://127.0.0.1:$sim_port/devices/{serial}
  schedule:
    statusPoll:
      frequency: { seconds: 15 }
      timeout: { minutes: 1 }
YAML
done

for port in "${ports[@]}"; do
  # backstage-cli resolves --config from the package folder: absolute paths.
  (cd packages/backend && exec setsid npx backstage-cli package start \
    --config "$root/app-config.yaml" --config "$tmp/replica-$port.yaml") > "$tmp/replica-$port.log" 2>&1 &
  pids+=($!)
  echo "replica on port $port: process group $!, log $tmp/replica-$port.log"
  # The first replica migrates the databases; the others start once it answers.
  bash scripts/wait-for-url.sh "http://127.0.0.1:$port/api/ccc/health" 300
done

echo "Replicas up on ports ${ports[*]}. The shared scheduler table (slices running now and last ended):"
echo "  runuser -u postgres -- psql -d ${prefix}ccc -c 'select id, current_run_started_at, last_run_ended_at from backstage_backend_tasks__tasks order by id'"
echo "Stop one: kill -- -<process group>. Ctrl-C stops everything."
wait
