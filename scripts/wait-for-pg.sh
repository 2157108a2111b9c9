#!/usr/bin/env bash
# Waits until the local PostgreSQL accepts connections.
for _ in $(seq 1 60); do
  runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p 5432 && exit 0
  sleep 1
done
echo "PostgreSQL did not become ready" >&2
exit 1
