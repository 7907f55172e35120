#!/usr/bin/env bash
# Server time of the overview and place pages under load, as at today and as at other dates (the day before and the
# day of the April 2026 ICB mergers, a date on the 2011 LSOAs), and time from start to a served overview.
# Starts the Release build of the web platform on a fresh SQLite store (the demo is generated at start) or on
# COMMONWEAL_DATABASE (e.g. a copy of a store with the reference folder imported), waits for it, then runs wrk
# against loopback only (bounded: 10 s per page).
# Usage: bench/Benchmarks/web-load.sh        (needs: apt-get install wrk)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk"; exit 2; }
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$repo/src/Web" -c Release -v q -nologo >/dev/null
export COMMONWEAL_DATABASE=${COMMONWEAL_DATABASE:-$work/bench.db}
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
start=$(date +%s.%N)
(cd "$repo/src/Web" && exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.1; done
ready=$(date +%s.%N)
printf 'start to first served overview (empty store, demo generated): %.2f s\n' "$(echo "$ready - $start" | bc)"
lsoa=$(curl -sf "http://127.0.0.1:$port/api/places/E07000066/lsoas" | python3 -c 'import json,sys; print(json.load(sys.stdin)["lsoas"][0]["code"])')
ics=$(curl -sf "http://127.0.0.1:$port/api/overview" | python3 -c 'import json,sys; print(json.load(sys.stdin)["system"]["code"])')
practice=$(curl -sf "http://127.0.0.1:$port/api/places?type=Practice&in=$ics" | python3 -c 'import json,sys; print(json.load(sys.stdin)["places"][0]["code"])')
for path in / /places/E07000066 "/places/$lsoa" /api/overview /map /places/E07000066/map \
  "/?asAt=2026-03-31" "/?asAt=2026-04-01" "/places/$practice?asAt=2025-06-01" "/places/E07000066?asAt=2020-06-01&vintage=iod2019" \
  "/places/E07000066/map?vintage=iod2019" "/deprivation/compare" "/api/deprivation?asAt=2026-04-01"; do
  echo "== $path"
  wrk -t1 -c4 -d10s -s "$(dirname "$0")/p95.lua" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|p95"
done
