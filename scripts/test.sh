#!/usr/bin/env bash
# The test command: installs what is missing, type-checks, and runs every
# package's tests. Store tests also run on PostgreSQL 15 when
# BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is set (.ci/run does).
# Extra arguments go to jest (e.g. a path, or --json --outputFile=x.json).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-install.sh
echo "Type-checking..."
npx tsc
# Never look for Docker (there is none); no watch mode.
export BACKSTAGE_TEST_DISABLE_DOCKER=1
export CI=true
npx backstage-cli repo test "$@"
