#!/usr/bin/env bash
# Load and crash (issue #15): sustained POSTs to /fhir while the server process is killed (kill -9, no warning, at random
# moments) and restarted on the same store; the client retries what got no answer with the same identifier, as a real
# one would. Afterwards every acknowledged referral must be stored exactly once under the id it was acknowledged with,
# whole (its ServiceRequest, Task and case), and no identifier stored twice — checked with SQL for all and through the
# FHIR API for a sample. Exit code 0 only when all of that holds; otherwise it says what failed.
# SQLite: a fresh file, WAL, synchronous=FULL at each commit (the real durability). --postgres: a throwaway PostgreSQL
# cluster WITH fsync (not the dev server, which runs with fsync=off), started here as user postgres and stopped at the end.
# Usage: bench/Benchmarks/referral-crash.sh [--postgres] [--kills 3] [--duration 40] [--connections 32] [--seed 42]
set -euo pipefail
source "$(dirname "$0")/referral-common.sh"
postgres=0 kills=3 duration=40 connections=32 seed=42
while [ $# -gt 0 ]; do
  case "$1" in
    --postgres) postgres=1 ;;
    --kills) kills=$2; shift ;;
    --duration) duration=$2; shift ;;
    --connections) connections=$2; shift ;;
    --seed) seed=$2; shift ;;
    *) usage ;;
  esac
  shift
done
RANDOM=$seed
work=$(mktemp -d)
chmod 755 "$work"
loader= pgdata=
pgbin=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
cleanup() {
  if [ -n "$loader" ]; then kill "$loader" 2>/dev/null || true; fi
  stop_web
  if [ -n "$pgdata" ]; then runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

build_release

if [ "$postgres" = 1 ]; then
  pgdata="$work/pg"
  mkdir -p "$pgdata" && chown postgres "$pgdata"
  pgport=$(free_port)
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -A trust -U postgres >/dev/null
  # fsync, synchronous_commit and full_page_writes at their defaults (on): a commit is on disk when it returns.
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -w -l "$pgdata/log" \
    -o "-p $pgport -k $pgdata -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
  [ "$(psql -X -tA -h 127.0.0.1 -p "$pgport" -U postgres -c 'show fsync')" = on ] || { echo "the crash cluster must run with fsync on"; exit 1; }
  store="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=referrals"
  what="PostgreSQL (throwaway cluster, fsync on, port $pgport)"
else
  store="$work/crash.db"
  what="SQLite (WAL, synchronous=FULL)"
fi

key=$("$cli" clients add crash-referrer --role Referrer --database "$store" | tail -1)
auditor=$("$cli" clients add crash-auditor --role Administrator --database "$store" | tail -1)
url="http://127.0.0.1:$(free_port)/"

echo "store: $what; $kills kills during $duration s of load at $connections connections (client on the same $(nproc) cores)"
start_web "$store" "$url" "$work/web.log"
"$load" run --url "$url" --key "$key" --connections "$connections" --duration "$duration" --warmup 0 --prefix "crash" \
  --seed "$seed" --retry --grace 90 --timeout 20 --progress --acknowledged "$work/acknowledged.tsv" >"$work/load.txt" 2>&1 &
loader=$!

killed=0
for k in $(seq 1 "$kills"); do
  # a random moment: 3 to 9 s after the last (re)start, while the load runs
  sleep "$((3 + RANDOM % 7)).$((RANDOM % 10))"
  kill -0 "$loader" 2>/dev/null || break
  [ "$(ps -o comm= -p "$pid")" = dotnet ] || { echo "pid $pid is not the dotnet server"; exit 1; }
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  killed=$((killed + 1))
  echo "  kill -9 #$killed of the server (pid $pid) at $(date +%T.%N | cut -c1-12); restarting"
  sleep 1
  start_web "$store" "$url" "$work/web.log"
  echo "  restarted (pid $pid) at $(date +%T.%N | cut -c1-12)"
done

loader_rc=0
wait "$loader" || loader_rc=$?
loader=
cat "$work/load.txt" | grep -v '^ \{1,\}[0-9]* s ' || true
failed=()
[ "$loader_rc" = 0 ] || failed+=("the load generator failed (exit $loader_rc)")
[ "$killed" = "$kills" ] || failed+=("only $killed of $kills kills happened (the load ended first: raise --duration)")
acknowledged=$(wc -l <"$work/acknowledged.tsv")
[ "$acknowledged" -gt 0 ] || failed+=("nothing was acknowledged")
grep -q 'gave up' "$work/load.txt" && echo "  (some requests got no answer by the end of the grace period: they may or may not be stored; either is allowed)"

echo "== verify: every acknowledged referral stored exactly once, none duplicated"
"$load" verify --acknowledged "$work/acknowledged.tsv" --database "$store" --url "$url" --key "$auditor" --fhir-sample 500 --seed "$seed" \
  || failed+=("verification failed (above)")
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
echo "result: $what: $killed kills, $acknowledged referrals acknowledged, all present exactly once, no duplicates"
