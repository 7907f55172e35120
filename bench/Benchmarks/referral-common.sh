# Shared by referral-load.sh and referral-crash.sh (sourced, not run): the Release build, a free port, the web platform on
# a store with the FHIR rate limit out of the way, and the usage text of the script that sources it.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli="$repo/src/Cli/bin/Release/net10.0/commonweal"
load="$repo/bench/ReferralLoad/bin/Release/net10.0/referral-load"
pid=

usage() { sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 2; }

build_release() {
  local project log
  log=$(mktemp)
  for project in src/Web src/Cli bench/ReferralLoad; do
    dotnet build "$repo/$project" -c Release -v q -nologo >"$log" 2>&1 || { grep -E 'error|Error' "$log" | sort -u; rm -f "$log"; exit 1; }
  done
  rm -f "$log"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_web STORE URL LOG: the web platform on STORE at URL, answering /health; $pid is the dotnet process itself (exec),
# so that kill -9 "$pid" stops the server and not a shell around it. The FHIR rate limit (default 6000 a minute per
# client) would answer most of a load test with 429: raised out of the way.
start_web() {
  local store=$1 url=$2 log=$3 waited=0
  (cd "$repo/src/Web" && COMMONWEAL_DATABASE="$store" Commonweal__RateLimits__FhirPerMinute=10000000 \
    exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "$url" >>"$log" 2>&1) &
  pid=$!
  until curl -sf -o /dev/null "${url%/}/health"; do
    kill -0 "$pid" 2>/dev/null || { echo "the web platform stopped at start:"; tail -20 "$log"; exit 1; }
    sleep 0.1; waited=$((waited + 1))
    [ "$waited" -lt 1200 ] || { echo "the web platform did not answer within 120 s"; exit 1; }
  done
}

stop_web() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi; }
