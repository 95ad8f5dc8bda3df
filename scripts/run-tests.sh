#!/usr/bin/env bash
# Runs the whole test suite: installs what the tests need, starts a private PostgreSQL on
# 127.0.0.1:55432 for the PostgreSQL leg, and fails loudly when anything is missing.
# Extra arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Server").
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

ensure_dotnet
ensure_apt_packages libvips-tools chromium fonts-liberation postgresql nginx wrk python3
ensure_command vips "libvips-tools did not install the vips command"
ensure_command chromium "Debian's chromium is needed for the browser tests"
ensure_npm_packages

# --- PostgreSQL: a throw-away cluster owned by the postgres user (initdb refuses to run as root) ---
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "${pg_bin}/initdb" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin"
pg_port="${MEMENTO_TEST_PG_PORT:-55432}"  # override when several checkouts test at once
pg_dir="$(mktemp -d /tmp/memento-pg.XXXXXX)"
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -ne 0 ] || chown postgres: "$pg_dir"
stop_postgres() {
  as_pg "${pg_bin}/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_postgres EXIT

if (exec 3<>"/dev/tcp/127.0.0.1/${pg_port}") 2>/dev/null; then
  die "port ${pg_port} is already in use (another test run?); set MEMENTO_TEST_PG_PORT to a free port"
fi
say "Starting PostgreSQL ($("${pg_bin}/postgres" --version)) on 127.0.0.1:${pg_port}"
as_pg "${pg_bin}/initdb" -D "$pg_dir/data" -U postgres --auth=trust -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 \
  || { cat "$pg_dir/initdb.log"; die "initdb failed"; }
as_pg "${pg_bin}/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -t 60 \
  -o "-p ${pg_port} -k ${pg_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null \
  || { cat "$pg_dir/server.log" 2>/dev/null; die "PostgreSQL did not start"; }

export MEMENTO_TEST_POSTGRES="Host=127.0.0.1;Port=${pg_port};Username=postgres"
export MEMENTO_REQUIRE_POSTGRES=1
export MEMENTO_CHROMIUM="${MEMENTO_CHROMIUM:-/usr/bin/chromium}"

say "Running the test suite"
log="$(mktemp /tmp/memento-tests.XXXXXX.log)"
set +e
dotnet test Memento.sln --nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for people and CI alike, summed over every test project.
# The console logger closes each test project with "Total tests: N / Passed: N / Failed: N / Skipped: N".
awk '/^ +Passed: +[0-9]+ *$/  { p += $2 }
     /^ +Failed: +[0-9]+ *$/  { f += $2 }
     /^ +Skipped: +[0-9]+ *$/ { s += $2 }
     END { printf "%d passed, %d failed, %d skipped\n", p, f, s; if (p + f == 0) exit 1 }' "$log" \
  || die "no test ran"
# CI shows only the tail of the output: repeat the failures (name and first lines) where it will be read.
if [ "$status" -ne 0 ]; then
  grep -A12 -E '^ +Failed [A-Za-z]' "$log" | head -120 || true
fi
rm -f "$log"
[ "$status" -eq 0 ] || die "tests failed (dotnet test exit code $status)"
say "All tests passed"
