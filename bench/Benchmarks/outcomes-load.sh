#!/usr/bin/env bash
# Server time of the outcomes pages under load (issue 10 target: scorecard and exception pack ≤ 100 ms at p95): the
# scorecard, the exception pack, a target page, the coverage view, and the Word pack. Runs the Release build of the web
# platform on a COPY of a store holding real places (COMMONWEAL_STORE, default /tmp/real-new.db) into which Fingertips'
# smoking prevalence (91547) is imported and a target set for every ICB in England (from its 2021/22 value) and for the
# Essex districts (from 2019/20), each to three quarters of it by 2026/27, with the command line first; then wrk against loopback only (10 s a page after 3 s of warm-up).
# Usage: bench/Benchmarks/outcomes-load.sh        (needs: apt-get install wrk; the reference folder for the 91547 file)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk"; exit 2; }
store=${COMMONWEAL_STORE:-/tmp/real-new.db}
file=${COMMONWEAL_REFERENCE_DATA:-/work/shared/data}/indicators/fingertips_91547_smoking_prevalence_qof.csv
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$repo/src/Web" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Cli" -c Release -v q -nologo >/dev/null
cli="$repo/src/Cli/bin/Release/net10.0/commonweal"
cp "$store" "$work/bench.db"
"$cli" indicators import "$file" --database "$work/bench.db" | head -1
{
  echo "indicator_id,area_code,sex,age,category,baseline_period,target_value,deadline_period,trajectory,owner,lead,rationale"
  for level in "Icb 2021/22" "District 2019/20"; do
    set -- $level
    "$cli" indicators values --indicator 91547 --area-type "$1" --period "$2" --format csv --database "$work/bench.db" 2>/dev/null |
      python3 -c 'import csv,sys
for r in csv.DictReader(sys.stdin):
    if not r["value"] or (r["area_type"] == "District" and not r["area_code"].startswith(("E06000033", "E06000034", "E070000"))): continue
    code, value = r["area_code"], float(r["value"])
    print("91547,%s,,,,%s,%.2f,2026/27,linear,%s owner,Director of Public Health,Benchmark" % (code, r["period"], value * 0.75, code))'
  done
} > "$work/targets.csv"
"$cli" targets import "$work/targets.csv" --database "$work/bench.db"
echo "latest status of the targets:"; "$cli" targets status --latest --format csv --database "$work/bench.db" | tail -n +2 | cut -d, -f13 | sort | uniq -c
export COMMONWEAL_DATABASE=$work/bench.db
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$repo/src/Web" && exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
for path in /outcomes /outcomes/pack /outcomes/targets/1 /outcomes/coverage /outcomes/pack.docx; do
  start=$(date +%s.%N); curl -sf -o /dev/null "http://127.0.0.1:$port$path"; first=$(echo "($(date +%s.%N) - $start) * 1000" | bc)
  printf '== %s (first request %.0f ms)\n' "$path" "$first"
  wrk -t1 -c4 -d3s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t1 -c4 -d10s -s "$(dirname "$0")/p95.lua" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|p95"
done
