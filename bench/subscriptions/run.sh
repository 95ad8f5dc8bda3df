#!/usr/bin/env bash
# The subscriptions bench: SSE and WebSocket subscribers (1,000 each by default) to one annotation's events on the real
# Memento server (Release build, SQLite, a fresh data directory), one event (an addComment mutation) a second:
# delivery latency p50/p99 from sending the mutation, and the server's resident memory per idle subscriber. Then,
# unless REFERENCE=0, the same against graphql-js behind graphql-ws's and graphql-sse's own node servers.
# Usage: bench/subscriptions/run.sh [work dir]   (from the repository root, after `npm ci`; needs the .NET SDK,
#        node, curl, python3). SSE (default 1000), WS (default 1000), EVENTS (default 30), WORKERS (node processes
#        per transport, default 4), SELECTION (the event's fields, default "change annotationId categoryId actor").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memento-subscriptions-bench}
mkdir -p "$work"
[ -d "$root/node_modules/graphql-ws" ] && [ -d "$root/node_modules/graphql-sse" ] || { echo "run npm ci first" >&2; exit 1; }
# Two thousand sockets on each side: more than the usual soft limit of 1,024 descriptors.
ulimit -n "$(ulimit -Hn)"
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
options=(--sse "${SSE:-1000}" --ws "${WS:-1000}" --seconds "${EVENTS:-30}" --workers "${WORKERS:-4}"
         --selection "${SELECTION:-change annotationId categoryId actor}")
source "$root/bench/imaging/server-lib.sh"

server_build
# The bench signs in a participant per 150 subscribers (each user may hold 200 subscriptions): more than the default
# sign-in budget of one address allows in a minute.
export MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE=1000
server_start "$(free_port)"
trap 'server_stop' EXIT
echo "$(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
node "$root/bench/subscriptions/bench.mjs" --url "$server_url" --user bench --password bench-password-123 --pid "$server_pid" "${options[@]}"
server_stop
trap - EXIT

if [ "${REFERENCE:-1}" != 0 ]; then
  echo
  reference_port=$(free_port)
  node "$root/bench/subscriptions/reference-server.mjs" "$reference_port" > "$work/reference.log" 2>&1 &
  reference_pid=$!
  trap 'kill $reference_pid' EXIT
  until grep -q listening "$work/reference.log"; do sleep 0.2; done
  node "$root/bench/subscriptions/bench.mjs" --url "http://127.0.0.1:$reference_port" --reference --pid "$reference_pid" "${options[@]}"
fi
echo "end $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
