#!/usr/bin/env bash
# Ingest through the product: Memento.Server (Release) started on a fresh data directory, a 20000x20000 TIFF sent
# with the GraphQL multipart upload by curl, timed from the first byte sent to state READY (pyramid, IIIF layout,
# statistics and thumbnail on disk), against `vips dzsave` alone on the same file in the same run.
# Peak memory: the server's own maximum RSS (sampled from /proc every 0.2 s) and GNU time's figure for the whole
# server process, which also covers the largest vips child it waited for.
# Usage: bench/imaging/ingest-api.sh [work dir]   (from the repository root; needs vips, curl, /usr/bin/time, .NET SDK)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-$(mktemp -d /tmp/memento-ingestapi-XXXX)}
port=${MEMENTO_BENCH_PORT:-5987}
url="http://127.0.0.1:${port}"
dotnet build -c Release "$root/Memento.Server" -o "$work/server" >/dev/null

"$root/bench/imaging/make-inputs.sh" "$work"

graphql() { # token, json body
  curl -sf -H 'Content-Type: application/json' ${1:+-H "Authorization: Bearer $1"} --data "$2" "$url/graphql"
}
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }

dzsave() { # label, file, suffix
  /usr/bin/time -v vips dzsave "$2" "$work/out-v" --tile-size 256 --overlap 0 --depth onepixel --suffix "$3" --strip \
    2> "$work/time.txt" >/dev/null
  printf '%-44s %8s s  %6s MiB\n' "$1" "$(grep 'Elapsed (wall' "$work/time.txt" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident' "$work/time.txt" | awk '{print $NF}') / 1024 ))"
  rm -rf "$work"/out-v*
}

upload() { # label, file, format code
  rm -rf "$work/data"; mkdir -p "$work/data"
  export MEMENTO_DATA="$work/data" ASPNETCORE_URLS="$url" ASPNETCORE_ENVIRONMENT=Production
  echo "bench-password-123" | dotnet "$work/server/Memento.Server.dll" create-admin bench >/dev/null
  /usr/bin/time -v dotnet "$work/server/Memento.Server.dll" > "$work/server.log" 2> "$work/server-time.txt" &
  local timer=$!
  until curl -sf "$url/health" >/dev/null; do sleep 0.2; done
  local server; server=$(pgrep -f "$work/server/Memento.Server.dll" | grep -v "^$timer$" | head -1)
  local token; token=$(graphql "" '{"query":"mutation { login(input: {username: \"bench\", password: \"bench-password-123\", mode: TOKEN}) { token } }"}' | json 'd["data"]["login"]["token"]')
  local project; project=$(graphql "$token" '{"query":"mutation { createProject(input: {name: \"bench\"}) { project { id } } }"}' | json 'd["data"]["createProject"]["project"]["id"]')
  local peak=0 rss
  local start; start=$(date +%s.%N)
  local id; id=$(curl -sf -H "Authorization: Bearer $token" -H 'GraphQL-preflight: 1' \
    -F "operations={\"query\":\"mutation(\$f: Upload!) { uploadImage(input: {projectId: $project, name: \\\"big\\\", format: $3, file: \$f}) { image { id } } }\",\"variables\":{\"f\":null}}" \
    -F 'map={"0":["variables.f"]}' -F "0=@$2" "$url/graphql" | json 'd["data"]["uploadImage"]["image"]["id"]')
  local uploaded; uploaded=$(date +%s.%N)
  local state=PROCESSING
  while [ "$state" != READY ] && [ "$state" != FAILED ]; do
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$server/status"); [ "$rss" -gt "$peak" ] && peak=$rss
    sleep 0.2
    state=$(graphql "$token" "{\"query\":\"{ image(id: $id) { state } }\"}" | json 'd["data"]["image"]["state"]')
  done
  local end; end=$(date +%s.%N)
  kill "$server"; wait "$timer" || true
  printf '%-44s %8.1f s  %6s MiB server, %s MiB with vips (upload %.1f s, %s)\n' "$1" "$(echo "$end - $start" | bc)" \
    "$((peak / 1024))" "$(( $(grep 'Maximum resident' "$work/server-time.txt" | awk '{print $NF}') / 1024 ))" \
    "$(echo "$uploaded - $start" | bc)" "$state"
}

echo "$(date -u +%H:%M) UTC, load $(cut -d' ' -f1-3 /proc/loadavg)"
dzsave "vips dzsave, RGB, JPEG Q85" "$work/rgb.tif" '.jpg[Q=85]'
upload "memento upload to READY, RGB, format 4" "$work/rgb.tif" 4
dzsave "vips dzsave, 16-bit, PNG compression 1" "$work/gray16.tif" '.png[compression=1]'
upload "memento upload to READY, 16-bit, format 5" "$work/gray16.tif" 5
