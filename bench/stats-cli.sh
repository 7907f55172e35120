#!/usr/bin/env bash
# End-to-end time of `commonweal stats proportion` on a generated 1,000,000-row CSV (target ≤ 2 s,
# parsing and writing included). Usage: bench/stats-cli.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
dotnet publish src/Cli -c Release -o "$work/cli" --nologo -v quiet >/dev/null
dotnet run -c Release --project bench/Benchmarks -- generate proportion "$rows" "$work/in.csv"
echo "input: $rows rows, $(du -h "$work/in.csv" | cut -f1)"
if command -v hyperfine >/dev/null; then
  hyperfine --warmup 1 --runs 5 "$work/cli/commonweal stats proportion $work/in.csv --output $work/out.csv"
else
  for run in 1 2 3; do /usr/bin/time -f "run $run: %e s elapsed, %M KB max resident" "$work/cli/commonweal" stats proportion "$work/in.csv" --output "$work/out.csv"; done
fi
wc -l "$work/out.csv"
