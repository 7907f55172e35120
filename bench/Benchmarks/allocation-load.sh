#!/usr/bin/env bash
# Server time of the allocation pages under load (issue 13 target: ≤ 100 ms at p95), signed in: a run by district with a
# baseline, the same at LSOA level (720 places), a place's waterfall, a comparison, the API and the CSV. Runs the Release
# build of the web platform on a COPY of a store holding real places (COMMONWEAL_STORE, default /tmp/real-new.db; the demo
# when none), saves the runs with the command line first, signs in a commissioner, then wrk against loopback only (10 s a
# page after a warm-up request). The API is left out: its per-client rate limit answers most of a load test with 429.
# Usage: bench/Benchmarks/allocation-load.sh        (needs: apt-get install wrk)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk"; exit 2; }
store=${COMMONWEAL_STORE:-/tmp/real-new.db}
work=$(mktemp -d)
pid=
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$repo/src/Web" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Cli" -c Release -v q -nologo >/dev/null
cli="$repo/src/Cli/bin/Release/net10.0/commonweal"
if [ -f "$store" ]; then cp "$store" "$work/bench.db"; fi
db=(--database "$work/bench.db")
run() { "$cli" allocate "$@" "${db[@]}" --format csv 2>&1 >/dev/null | sed -n 's/^saved as run \([0-9]*\).*/\1/p'; }
first=$(run --budget 2500000)
second=$(run --budget 2600000 --baseline-run "$first")
lsoa=$(run --budget 2500000 --level Lsoa)
printf '%s\n' "correct horse battery" | "$cli" users add bench --role Commissioner "${db[@]}" >/dev/null
export COMMONWEAL_DATABASE="Data Source=$work/bench.db"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$repo/src/Web" && exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
base="http://127.0.0.1:$port"
token=$(curl -s -c "$work/jar" "$base/account/login" | sed -n 's/.*name="__RequestVerificationToken" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null -X POST "$base/account/login" --data-urlencode "_handler=login" \
  --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.UserName=bench" --data-urlencode "Input.Password=correct horse battery"
cookie="commonweal=$(awk '$6 == "commonweal" { print $7 }' "$work/jar")"
place=$(curl -sf -H "Cookie: $cookie" "$base/allocation/runs/$second.csv" | sed -n '2p' | cut -d, -f1)
for path in "/allocation/runs/$second" "/allocation/runs/$lsoa" "/allocation/runs/$second/places/$place" "/allocation/compare?run=$first&run=$second" \
  "/allocation/runs/$lsoa.csv" /allocation; do
  curl -sf -o /dev/null -H "Cookie: $cookie" -w "== $path (first request %{time_total} s)\n" "$base$path"
  wrk -t1 -c4 -d10s -H "Cookie: $cookie" -s "$(dirname "$0")/p95.lua" "$base$path" | grep -E "Requests/sec|p95"
done
