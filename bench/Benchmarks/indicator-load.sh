#!/usr/bin/env bash
# Server time of the indicator pages under load: the indicator list, the indicator page of 91547 (smoking prevalence,
# QOF) with its default and other choices, its downloads, and the area profiles of the ICS, a district, a PCN and a
# practice. Runs the Release build of the web platform on a COPY of a store holding real places (COMMONWEAL_STORE, default
# /tmp/real-new.db) into which 91547 is imported with the command line first, then wrk against loopback only (10 s a page,
# after its first request, which builds the indicator's table and is reported, and 3 s of warm-up, so the figures are
# those of a running server rather than of the just-in-time compiler).
# Usage: bench/Benchmarks/indicator-load.sh        (needs: apt-get install wrk; the reference folder for the 91547 file)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk"; exit 2; }
store=${COMMONWEAL_STORE:-/tmp/real-new.db}
file=${COMMONWEAL_REFERENCE_DATA:-/work/shared/data}/indicators/fingertips_91547_smoking_prevalence_qof.csv
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
dotnet build "$repo/src/Web" -c Release -v q -nologo >/dev/null
dotnet build "$repo/src/Cli" -c Release -v q -nologo >/dev/null
cp "$store" "$work/bench.db"
"$repo/src/Cli/bin/Release/net10.0/commonweal" indicators import "$file" --database "$work/bench.db" | head -1
export COMMONWEAL_DATABASE=$work/bench.db
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$repo/src/Web" && exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1) &
pid=$!
until curl -sf -o /dev/null "http://127.0.0.1:$port/health"; do sleep 0.1; done
pcn=$(curl -sf "http://127.0.0.1:$port/indicators/91547/areas.csv?type=Pcn&period=2023/24" | sed -n 2p | cut -d, -f1)
practice=$(curl -sf "http://127.0.0.1:$port/indicators/91547/areas.csv?type=Practice&period=2023/24" | sed -n 2p | cut -d, -f1)
for path in /indicators /indicators/91547 "/indicators/91547?area=E07000066&period=2022/23&type=District" \
  "/indicators/91547?area=$practice&type=Practice" "/indicators/91547/areas.xlsx?type=Practice" \
  /places/E07000066/profile "/places/E07000066/profile?scope=england" "/places/$pcn/profile" "/places/$practice/profile"; do
  start=$(date +%s.%N); curl -sf -o /dev/null "http://127.0.0.1:$port$path"; first=$(echo "($(date +%s.%N) - $start) * 1000" | bc)
  printf '== %s (first request %.0f ms)\n' "$path" "$first"
  wrk -t1 -c4 -d3s "http://127.0.0.1:$port$path" >/dev/null
  wrk -t1 -c4 -d10s -s "$(dirname "$0")/p95.lua" "http://127.0.0.1:$port$path" | grep -E "Requests/sec|p95"
done
