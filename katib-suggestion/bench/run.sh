#!/usr/bin/env bash
# On-demand benchmark (never part of verify): katib-suggestion against Debian's python3-optuna.
# usage: bash katib-suggestion/bench/run.sh [SEEDS] [TRIALS]   (after ./mvnw -B package -DskipTests -pl katib-suggestion)
# Needs /usr/bin/python3 with python3-grpcio and python3-optuna (apt-get install python3-optuna).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
module="$here/.."
work="$(mktemp -d)"
trap 'kill "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
bash "$module/../proto/python/generate.sh" "$work/stubs" 2>/dev/null
grpc_port=$((20000 + RANDOM % 20000))
java -Dquarkus.grpc.server.port="$grpc_port" -Dquarkus.http.port=0 \
  -Dquarkflow.katib-suggestion.early-stopping-port=-1 -Dquarkflow.data-dir="$work/data" \
  -jar "$module/target/quarkus-app/quarkus-run.jar" > "$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do
  if grep -q "started in" "$work/server.log"; then break; fi
  sleep 1
done
/usr/bin/python3 "$here/bench_vs_optuna.py" "$work/stubs" "localhost:$grpc_port" "${1:-5}" "${2:-60}"
