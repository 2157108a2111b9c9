#!/usr/bin/env bash
# Starts the portal for development and the demo: installs what is missing,
# then runs the COMtrexx simulator (port 7008), the backend (7007) and the
# app (3000). Ctrl-C stops all three. Extra arguments go to `backstage-cli repo start`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/ensure-install.sh
mkdir -p .data/sqlite

sim_port=${COMTREXX_SIMULATOR_PORT:-7008}
setsid node packages/comtrexx-simulator/bin/comtrexx-simulator \
  --port "$sim_port" --devices "${COMTREXX_SIMULATOR_DEVICES:-12}" --seed "${COMTREXX_SIMULATOR_SEED:-4711}" \
  --speed "${COMTREXX_SIMULATOR_SPEED:-1}" \
  --ccc-url http://127.0.0.1:7007/api/ccc &
sim_pid=$!
stop_simulator() { kill -- "-$sim_pid" 2>/dev/null || true; }
trap stop_simulator EXIT INT TERM
bash scripts/wait-for-url.sh "http://127.0.0.1:$sim_port/health" 60

# backstage-cli resolves --config from each package's folder: pass absolute paths.
npx backstage-cli repo start --config "$root/app-config.yaml" "$@"
