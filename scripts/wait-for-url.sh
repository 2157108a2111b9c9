#!/usr/bin/env bash
# Usage: wait-for-url.sh URL [SECONDS] — waits until URL answers with a 2xx status.
set -euo pipefail
url=$1
deadline=$(( $(date +%s) + ${2:-120} ))
until node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$url"; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "Timed out waiting for $url" >&2
    exit 1
  fi
  sleep 1
done
