#!/usr/bin/env bash
# Server time per page (scripts/pages.json) over a bench-sized world: 10,000 users, 10,000 annotations, 100 images,
# 550 members. Builds the server in Release, makes the scene through the API (scripts/scene.mjs), multiplies it in
# SQLite with the server stopped (bench/pages/seed.py), restarts it and times N sequential GETs per page
# (bench/pages/bench.mjs) next to the floor of /health and the login page measured in the same run.
# Usage: bench/pages/run.sh [N=100]     (SAMPLE_DATA=../shared/sample-data relative to the repo root)
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100}"
SAMPLE_DATA="${SAMPLE_DATA:-../shared/sample-data}"
out="$(mktemp -d -t memento-pages-bench-XXXXXX)"
dotnet publish Memento.Server -c Release -o "$out/app" -nologo -v quiet -clp:ErrorsOnly
data="$out/data"; mkdir -p "$data"
password="bench-admin-password"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
export MEMENTO_DATA="$data" ASPNETCORE_ENVIRONMENT=Production MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE=100000
echo "$password" | dotnet "$out/app/Memento.Server.dll" create-admin admin >/dev/null
server=""
start() {
  (cd "$data" && exec dotnet "$out/app/Memento.Server.dll" --urls "$url") >>"$out/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fsS "$url/health" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $out/server.log" >&2; exit 1
}
stop() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop; rm -rf "$out"' EXIT

start
node bench/pages/bench.mjs scene --url "$url" --password "$password" --samples "$SAMPLE_DATA" >"$out/scene.json"
stop
python3 bench/pages/seed.py "$data/memento.db" $(node -e "const s=require('$out/scene.json'); console.log([s.project,s.category,s.annotation,s.image,s.admin].join(' '))")
start
node bench/pages/bench.mjs measure --url "$url" --password "$password" --scene "$out/scene.json" --n "$N"
