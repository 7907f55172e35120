#!/usr/bin/env bash
# Referrals a second through the FHIR front door, sustained (issue #15 target: ≥ 2,000/s with p99 ≤ 50 ms, on SQLite and
# on PostgreSQL). Builds Release, starts the web platform on a fresh SQLite store (or, with --postgres, a fresh database on
# the PostgreSQL server COMMONWEAL_BENCH_POSTGRES, default the dev server Host=127.0.0.1;Port=55432;Username=postgres),
# adds a Referrer API client with the command line, raises the FHIR rate limit out of the way, then drives POST /fhir with
# bench/ReferralLoad (closed loop, HTTP/1.1 keep-alive, bodies made before the run) at each concurrency for a short
# look, and for --duration seconds at the concurrency that gave the most referrals a second with p99 ≤ 50 ms.
# Every referral is acknowledged only once committed (group commit; SQLite with synchronous=FULL).
# NB the load generator runs on the same machine as the server and takes part of its CPU: the figures are the server's
# throughput with a client beside it, not the server alone.
# Usage: bench/Benchmarks/referral-load.sh [--postgres] [--duration 30] [--connections "8 16 32 64"] [--look 10]
set -euo pipefail
source "$(dirname "$0")/referral-common.sh"
postgres=0 duration=30 look=10 levels="8 16 32 64"
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=1 ;;
    --duration) duration=$2; shift ;;
    --look) look=$2; shift ;;
    --connections) levels=$2; shift ;;
    *) usage ;;
  esac
  shift
done
work=$(mktemp -d)
dbname=
pg=${COMMONWEAL_BENCH_POSTGRES:-"Host=127.0.0.1;Port=55432;Username=postgres"}
pgarg() { tr ';' '\n' <<<"$pg" | sed -n "s/^$1=//Ip" | head -1; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$(pgarg Host)" -p "$(pgarg Port)" -U "$(pgarg Username)" -d postgres "$@"; }
cleanup() {
  stop_web
  if [ -n "$dbname" ]; then psql_admin -c "drop database if exists $dbname with (force)" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

build_release

if [ "$postgres" = 1 ]; then
  dbname="referral_bench_$$"
  psql_admin -c "create database $dbname" || { echo "no PostgreSQL at '$pg' (set COMMONWEAL_BENCH_POSTGRES; the dev server: see the brief in docs/testing.md)"; exit 2; }
  store="$pg;Database=$dbname"
  what="PostgreSQL (fresh database $dbname, fsync $(psql_admin -tA -c 'show fsync'))"
else
  store="$work/bench.db"
  what="SQLite (fresh file, WAL, synchronous=FULL at each commit)"
fi

key=$("$cli" clients add bench-referrer --role Referrer --database "$store" | tail -1)
url="http://127.0.0.1:$(free_port)/"
start_web "$store" "$url" "$work/web.log"
echo "store: $what; $(nproc) cores, shared by the server and the load generator (same machine: the client's CPU is taken from the server's)"

best= best_rate=0 fastest= fastest_rate=0
for c in $levels; do
  line=$("$load" run --url "$url" --key "$key" --connections "$c" --duration "$look" --warmup 3 --prefix "look-c$c" --seed "$c" \
    --acknowledged "$work/acknowledged.tsv" | tee "$work/look-$c.txt" | grep '^summary')
  rate=$(sed 's/.* rate=\([0-9]*\).*/\1/' <<<"$line")
  p99=$(sed 's/.* p99=\([0-9.]*\).*/\1/' <<<"$line")
  printf '  look: %3s connections  %6s referrals/s  p50 %s  p95 %s  p99 %s ms\n' "$c" "$rate" \
    "$(sed 's/.* p50=\([0-9.]*\).*/\1/' <<<"$line")" "$(sed 's/.* p95=\([0-9.]*\).*/\1/' <<<"$line")" "$p99"
  if awk -v p="$p99" 'BEGIN { exit !(p <= 50) }' && [ "$rate" -gt "$best_rate" ]; then best=$c best_rate=$rate; fi
  if [ "$rate" -gt "$fastest_rate" ]; then fastest=$c fastest_rate=$rate; fi
done
why="the most referrals a second with p99 ≤ 50 ms in the looks"
if [ -z "$best" ]; then
  best=$fastest why="no concurrency kept p99 within 50 ms: the one with the most referrals a second"
fi

echo "== sustained: $duration s at $best connections ($why)"
"$load" run --url "$url" --key "$key" --connections "$best" --duration "$duration" --warmup 5 --prefix "sustained" --seed 1 \
  --acknowledged "$work/acknowledged.tsv" | tee "$work/sustained.txt"
"$load" verify --acknowledged "$work/acknowledged.tsv" --database "$store"
line=$(grep '^summary' "$work/sustained.txt")
rate=$(sed 's/.* rate=\([0-9]*\).*/\1/' <<<"$line")
p99=$(sed 's/.* p99=\([0-9.]*\).*/\1/' <<<"$line")
verdict=$(awk -v r="$rate" -v p="$p99" 'BEGIN { print (r >= 2000 && p <= 50) ? "meets" : "MISSES" }')
echo "result: $what: $rate referrals/s at $best connections, $(sed 's/.*\(p50=[0-9.]*\) \(p95=[0-9.]*\) \(p99=[0-9.]*\).*/\1 \2 \3/' <<<"$line") ms — $verdict the target (≥ 2000/s, p99 ≤ 50 ms; client on the same $(nproc) cores)"
