#!/usr/bin/env bash
# Installs the npm dependencies when they are missing or the lockfile (or the
# Node version) changed since the last install; otherwise does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

stamp=node_modules/.ccc-install-stamp
want="$(sha256sum package-lock.json | cut -d' ' -f1) $(node --version)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi
echo "Installing dependencies (npm ci; a few minutes on a fresh clone)..."
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
