#!/usr/bin/env bash
# What the security hardening costs a page: p95 server time under load of the same pages on the same store, served by
# this tree and by a revision from before it (default 66d02f8), anonymous and signed in (a session read from the
# store on every request), without and with compression (Accept-Encoding: br) — and the bytes each page transfers.
# Usage: COMMONWEAL_STORE=<imported store> bench/Benchmarks/security-overhead.sh [base revision]   (needs: apt-get install wrk)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-66d02f8}
command -v wrk >/dev/null || { echo "wrk is not installed: sudo apt-get install wrk"; exit 2; }
[[ -f "${COMMONWEAL_STORE:-}" ]] || { echo "COMMONWEAL_STORE must name a SQLite store with the reference folder imported (it is copied, never written)"; exit 2; }
work=$(mktemp -d)
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; git -C "$repo" worktree remove --force "$work/base" 2>/dev/null || true; rm -rf "$work"' EXIT
git -C "$repo" worktree add -q --detach "$work/base" "$base"
lua="$(dirname "$0")/p95.lua"
password='bench password long enough'

serve() { # tree name -> port
  local tree=$1 name=$2 port
  dotnet build "$tree/src/Web" -c Release -v q -nologo >/dev/null
  dotnet build "$tree/src/Cli" -c Release -v q -nologo >/dev/null
  cp "$COMMONWEAL_STORE" "$work/$name.db"
  printf '%s\n' "$password" | "$tree/src/Cli/bin/Release/net10.0/commonweal" users add bench --role Administrator --database "$work/$name.db" >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  (cd "$tree/src/Web" && COMMONWEAL_DATABASE="$work/$name.db" Commonweal__RateLimits__SignInPerMinute=1000 Commonweal__RateLimits__ApiPerMinute=100000000 exec dotnet bin/Release/net10.0/Commonweal.Web.dll --urls "http://127.0.0.1:$port" >"$work/$name.log" 2>&1) &
  pids+=($!)
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.2; done
  echo "$port"
}

cookie() { # port -> Cookie header of a signed-in session
  local port=$1 jar="$work/jar-$1" token
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/account/login" | grep -o 'name="__RequestVerificationToken" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  curl -s -c "$jar" -b "$jar" -o /dev/null "http://127.0.0.1:$port/account/login" --data-urlencode "__RequestVerificationToken=$token" \
    -d "_handler=login&Input.UserName=bench" --data-urlencode "Input.Password=$password"
  sed 's/^#HttpOnly_//' "$jar" | awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }'
}

new_port=$(serve "$repo" new)
old_port=$(serve "$work/base" old)
new_cookie=$(cookie "$new_port")
old_cookie=$(cookie "$old_port")
for path in / /places/E07000066 /map /indicators /api/overview; do
  for who in anonymous signed-in; do
    for tree in old new; do
      port=${tree}_port; port=${!port}
      headers=()
      [[ $who == signed-in ]] && { c=${tree}_cookie; headers=(-H "Cookie: ${!c}"); }
      for encoding in none br; do
        [[ $tree == old && $encoding == br ]] && continue
        extra=("${headers[@]}"); [[ $encoding == br ]] && extra+=(-H "Accept-Encoding: br, gzip")
        bytes=$(curl -s -o /dev/null -w '%{size_download}' "${extra[@]}" "http://127.0.0.1:$port$path")
        printf '%-18s %-10s %-4s %-5s %8s bytes ' "$path" "$who" "$tree" "$encoding" "$bytes"
        wrk -t1 -c4 -d8s "${extra[@]}" -s "$lua" "http://127.0.0.1:$port$path" | grep p95
      done
    done
  done
done
