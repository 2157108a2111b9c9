#!/usr/bin/env bash
# Browser tests: starts the simulator, backend and app on a fresh SQLite
# folder, runs the e2e jest suite in headless Chromium, and stops everything.
# Extra arguments go to jest (e.g. --json --outputFile=x.json).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

bash scripts/ensure-install.sh
if ! command -v chromium >/dev/null 2>&1; then
  echo "Installing Debian's chromium..."
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

rm -rf .data/e2e-sqlite .data/e2e-artifacts
mkdir -p .data/e2e-sqlite
log=.data/e2e-portal.log

sim_port=${COMTREXX_SIMULATOR_PORT:-7008}
# Ten times real time: a restore restarts the simulated PBX for 6–18 s instead of 1–3 minutes.
setsid node packages/comtrexx-simulator/bin/comtrexx-simulator --port "$sim_port" --speed "${CCC_E2E_SIMULATOR_SPEED:-10}" \
  --ccc-url http://127.0.0.1:7007/api/ccc >.data/e2e-simulator.log 2>&1 &
sim_pid=$!
setsid npx backstage-cli repo start --config "$root/app-config.yaml" --config "$root/e2e/app-config.e2e.yaml" >"$log" 2>&1 &
portal_pid=$!
cleanup() {
  kill -- "-$portal_pid" 2>/dev/null || true
  kill -- "-$sim_pid" 2>/dev/null || true
}
trap cleanup EXIT

if ! bash scripts/wait-for-url.sh "http://127.0.0.1:$sim_port/health" 60 ||
  ! bash scripts/wait-for-url.sh http://localhost:7007/api/ccc/health 240 ||
  ! bash scripts/wait-for-url.sh http://localhost:3000 240; then
  echo "The portal did not come up; last lines of $log:" >&2
  tail -40 "$log" >&2
  exit 1
fi

npx jest -c e2e/jest.config.js "$@"
