#!/bin/sh
# Runs the engine benchmark on both engines, one after the other on this machine, and prints a table.
# Usage: bench/run-engine-bench.sh [seconds-per-case]   (default 5; needs the .NET SDK, node and `npm ci`)
set -eu
cd "$(dirname "$0")/.."
seconds="${1:-5}"
[ -d node_modules/graphql ] || npm ci --no-audit --no-fund
node bench/data/generate-data.mjs
dotnet build bench/Memento.Bench -c Release -v quiet -nologo >/dev/null
results="$(mktemp)"
dotnet bench/Memento.Bench/bin/Release/net10.0/Memento.Bench.dll "$seconds" | tee "$results"
node bench/graphql-js/bench.mjs "$seconds" | tee -a "$results"
node --input-type=module -e '
import { readFileSync } from "node:fs";
const rows = readFileSync(process.argv[1], "utf8").trim().split("\n").map((l) => JSON.parse(l));
const js = Object.fromEntries(rows.filter((r) => r.engine === "graphql-js").map((r) => [r.case, r.opsPerSecond]));
console.log("\n| case | engine | ops/s | vs graphql-js | bytes allocated / request | response bytes |");
console.log("|---|---|---:|---:|---:|---:|");
for (const r of rows) {
  const ratio = (r.opsPerSecond / js[r.case]).toFixed(2) + "x";
  const alloc = r.bytesAllocatedPerRequest === undefined ? "n/a" : r.bytesAllocatedPerRequest.toLocaleString("en");
  console.log(`| ${r.case} | ${r.engine} | ${r.opsPerSecond.toFixed(1)} | ${ratio} | ${alloc} | ${r.responseBytes.toLocaleString("en")} |`);
}
' "$results"
rm -f "$results"
