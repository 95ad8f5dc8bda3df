#!/usr/bin/env bash
# Saves a PNG of every page (scripts/pages.json) to docs/screenshots/<page>.png: builds the server, starts it on a
# temporary data directory (first administrator made with create-admin), builds a realistic scene through the
# GraphQL API with real images, and drives Debian's Chromium with playwright-core from node_modules.
# Usage: scripts/screenshots.sh            (SAMPLE_DATA=../shared/sample-data by default, relative to the repo root;
#                                           CHROMIUM=/usr/bin/chromium; OUT=docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
SAMPLE_DATA="${SAMPLE_DATA:-../shared/sample-data}"
OUT="${OUT:-docs/screenshots}"
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"

dotnet build Memento.Server -nologo -v quiet -clp:ErrorsOnly
dll=Memento.Server/bin/Debug/net10.0/Memento.Server.dll
data="$(mktemp -d -t memento-screenshots-XXXXXX)"
password="screenshots-admin-password"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
export MEMENTO_DATA="$data" ASPNETCORE_ENVIRONMENT=Production MEMENTO_LOGIN_ATTEMPTS_PER_MINUTE=10000
echo "$password" | dotnet "$dll" create-admin admin >/dev/null
dotnet "$dll" --urls "http://127.0.0.1:$port" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.5; done

node scripts/screenshots.mjs --url "http://127.0.0.1:$port" --user admin --password "$password" \
  --samples "$SAMPLE_DATA" --out "$OUT"
