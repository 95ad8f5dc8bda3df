#!/usr/bin/env bash
# Starts Memento on the embedded SQLite database, installing on first use what it needs.
# Usage: ./scripts/run-server.sh [extra server arguments, e.g. --urls http://0.0.0.0:8080]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_dotnet
ensure_apt_packages libvips-tools
ensure_npm_packages

say "Restoring and building"
dotnet build Memento.Server --nologo -v quiet -clp:ErrorsOnly || die "build failed"

export MEMENTO_DATA="${MEMENTO_DATA:-$PWD/data}"
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5000}"
url="${ASPNETCORE_URLS%%;*}"
say "Memento is starting at ${url}  (data in ${MEMENTO_DATA}; Ctrl+C stops it)"
exec dotnet run --project Memento.Server --no-build --no-launch-profile -- "$@"
