#!/usr/bin/env bash
# Tile serving: nginx vs Memento's tile endpoint on the same pyramid, same machine, same run. Memento is measured
# twice: TileHost (the endpoint alone on bare Kestrel) and the real Memento.Server with its whole middleware pipeline,
# serving the same picture after uploading it through the API. nginx and Memento.Server take turns, ROUNDS times
# (default 3), 15 s each, so drift in the machine's speed hits both; the summary gives each round's ratio and the
# median.
# Usage: bench/imaging/tiles.sh   (from the repository root; needs vips, nginx, wrk, the .NET SDK)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/memento-tilebench-XXXX)
chmod 755 "$work"   # nginx workers run unprivileged
cleanup() { # each step may find its process already gone; none may stop the others (set -e)
  [ -n "${host_pid:-}" ] && kill "$host_pid" 2>/dev/null || true
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  sleep 1; rm -rf "$work"
}
trap cleanup EXIT

# A 8192x8192 RGB pyramid of JPEG tiles, as ingest writes it (256 px, no overlap, Q85): 1365 distinct tiles.
vips gaussnoise "$work/n.v" 8192 8192 --mean 128 --sigma 30
vips cast "$work/n.v" "$work/n8.v" uchar
vips bandjoin "$work/n8.v $work/n8.v $work/n8.v" "$work/rgb.v"
vips copy "$work/rgb.v" "$work/rgb.tif[tile,compression=jpeg,Q=95]"
mkdir -p "$work/img"
vips dzsave "$work/rgb.v" "$work/img/image" --tile-size 256 --overlap 0 --depth onepixel --suffix '.jpg[Q=85]' --strip
(cd "$work/img" && find image_files -name '*.jpg' | sort) > "$work/paths.txt"
echo "tiles: $(wc -l < "$work/paths.txt"), total $(du -sh "$work/img" | cut -f1)"

cat > "$work/nginx.conf" <<NGINX
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 100000;
  types { image/jpeg jpg; }
  server {
    listen 127.0.0.1:18081;
    location /t/ { alias $work/img/; add_header Cache-Control "private, max-age=31536000, immutable"; }
  }
}
NGINX
nginx -c "$work/nginx.conf"

dotnet build -c Release "$root/bench/imaging/TileHost" -o "$work/host" >/dev/null
"$work/host/TileHost" "$work/img" 18082 > "$work/host.out" &
host_pid=$!
for _ in $(seq 100); do [ -s "$work/host.out" ] && curl -sf "http://127.0.0.1:18082$(head -1 "$work/host.out")image.dzi" >/dev/null && break; sleep 0.2; done
prefix=$(head -1 "$work/host.out")

# Fail loudly if either server does not serve a tile (a benchmark of 403s would be meaningless).
curl -sf -o /dev/null "http://127.0.0.1:18081/t/$(head -1 "$work/paths.txt")"
curl -sf -o /dev/null "http://127.0.0.1:18082$prefix$(head -1 "$work/paths.txt")"
run() { wrk -t2 -c32 -d15s --latency -s "$root/bench/imaging/tiles.lua" "$1" -- "$2" "$work/paths.txt"; }
echo "== warm-up (5 s each, not reported)"; wrk -t2 -c32 -d5s -s "$root/bench/imaging/tiles.lua" http://127.0.0.1:18081 -- /t/ "$work/paths.txt" >/dev/null
wrk -t2 -c32 -d5s -s "$root/bench/imaging/tiles.lua" http://127.0.0.1:18082 -- "$prefix" "$work/paths.txt" >/dev/null
echo "== memento tile endpoint alone (TileHost, bare Kestrel)"; run http://127.0.0.1:18082 "$prefix"
kill "$host_pid"  # not running while the product is measured

# The product: upload the same picture, wait for READY, serve its tiles (same geometry, so the same paths).
source "$root/bench/imaging/server-lib.sh"
server_build
server_start 18083
image=$(upload "$(new_project tiles)" "$work/rgb.tif" 4)
until [ "$(image_field "$image" state)" = READY ]; do sleep 0.5; done
server_prefix=$(image_field "$image" dziUrl | sed 's#^http://[^/]*##; s#image\.dzi$##')
curl -sf -o /dev/null "http://127.0.0.1:18083$server_prefix$(head -1 "$work/paths.txt")"
wrk -t2 -c32 -d5s -s "$root/bench/imaging/tiles.lua" http://127.0.0.1:18083 -- "$server_prefix" "$work/paths.txt" >/dev/null

rps() { grep 'Requests/sec' "$1" | awk '{print $2}'; }
p99() { grep ' 99%' "$1" | awk '{print $2}'; }
summary=()
for round in $(seq "${ROUNDS:-3}"); do
  echo "== round $round: nginx"; run http://127.0.0.1:18081 /t/ | tee "$work/nginx.txt"
  echo "== round $round: Memento.Server (whole pipeline)"; run http://127.0.0.1:18083 "$server_prefix" | tee "$work/server.txt"
  summary+=("$(awk -v n="$(rps "$work/nginx.txt")" -v m="$(rps "$work/server.txt")" 'BEGIN { printf "%.2f", m / n }') $(rps "$work/nginx.txt") $(rps "$work/server.txt") $(p99 "$work/nginx.txt") $(p99 "$work/server.txt")")
done
server_stop

echo
echo "Memento.Server / nginx, requests per second, per round (nginx req/s, server req/s, nginx p99, server p99):"
printf '  %s\n' "${summary[@]}"
echo "median $(printf '%s\n' "${summary[@]}" | awk '{ print $1 }' | median)x of nginx"
