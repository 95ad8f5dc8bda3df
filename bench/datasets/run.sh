#!/usr/bin/env bash
# The dataset search bench, both engines in one run: a throw-away PostgreSQL cluster with IMAGES (default 1,000,000)
# images and a SQLite file with SQLITE_IMAGES (default 100,000), each generated in bulk, then ROUNDS (default 20)
# timed rounds of the document's example query and 20 varied ones (bench/datasets/DatasetBench/Queries.cs).
# Usage: bench/datasets/run.sh [work dir]   (from the repository root; needs the .NET SDK and Debian's postgresql).
# A work dir that already holds the generated databases is reused (delete it to regenerate).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/memento-datasets-bench}
mkdir -p "$work"
chmod 755 "$work"
pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
[ -x "${pg_bin}/initdb" ] || { echo "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin" >&2; exit 1; }
port=${MEMENTO_BENCH_PG_PORT:-55439}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -d "$work/pg" ]; then
  mkdir -p "$work/pg"; [ "$(id -u)" -ne 0 ] || chown postgres: "$work/pg"
  as_pg "${pg_bin}/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --no-sync >/dev/null
fi
# Settings of a small dedicated server (2 cores, 24 GiB here); fsync off only because the data is regenerable.
as_pg "${pg_bin}/pg_ctl" -D "$work/pg/data" status >/dev/null 2>&1 || as_pg "${pg_bin}/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 \
  -o "-p ${port} -k $work/pg -c listen_addresses=127.0.0.1 -c fsync=off -c shared_buffers=4GB -c work_mem=64MB -c maintenance_work_mem=1GB -c effective_cache_size=12GB -c random_page_cost=1.1 -c jit=off" start >/dev/null
trap 'as_pg "${pg_bin}/pg_ctl" -D "$work/pg/data" -m fast stop >/dev/null 2>&1 || true' EXIT
as_pg "${pg_bin}/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='memento_bench'" | grep -q 1 \
  || as_pg "${pg_bin}/createdb" -h 127.0.0.1 -p "$port" -U postgres memento_bench
dotnet build -c Release -nologo -v q "$root/bench/datasets/DatasetBench" >/dev/null
bench="$root/bench/datasets/DatasetBench/bin/Release/net10.0/DatasetBench"
echo "$(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, $("${pg_bin}/postgres" --version)"
"$bench" postgres "Host=127.0.0.1;Port=${port};Username=postgres;Database=memento_bench;Command Timeout=600" "${IMAGES:-1000000}" "${ROUNDS:-20}"
"$bench" sqlite "$work/bench.db" "${SQLITE_IMAGES:-100000}" "${ROUNDS:-20}"
echo "end $(date -u '+%H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
