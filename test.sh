#!/usr/bin/env bash
# Runs every test in Commonweal.slnx.
#
#   ./test.sh                                   everything that can run here
#   ./test.sh --no-postgres --no-browser        skip those deliberately
#   ./test.sh --filter FullyQualifiedName~Places    other arguments go to `dotnet test`
#
# It starts a throwaway PostgreSQL server (removed on exit), finds Chromium and the official reference files,
# runs `dotnet test` with TRX results in .test-output/, lists the skipped tests with their reasons, and ends with
# exactly one line "Tests: N passed, N failed[, N skipped]". Exit code 0 only when nothing failed.
# See docs/testing.md.
set -uo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
out="$repo/.test-output"

say() { printf 'test.sh: %s\n' "$*"; }

usage() {
  sed -n '2,/^# See docs/s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

use_postgres=1
use_browser=1
dotnet_args=()
for arg in "$@"; do
  case "$arg" in
    --no-postgres) use_postgres=0 ;;
    --no-browser) use_browser=0 ;;
    -h | --help) usage; exit 0 ;;
    *) dotnet_args+=("$arg") ;;
  esac
done

cd "$repo" || exit 1
rm -rf "$out"
mkdir -p "$out"

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# ---------------------------------------------------------------------------------------------------------------
# Installing Debian packages: only as root with apt-get (CI, a container); a developer is told the command instead.
can_install() { [[ $(id -u) -eq 0 ]] && command -v apt-get > /dev/null 2>&1; }

apt_install() {
  local log="$out/apt.log"
  say "installing Debian package(s) $* (log: .test-output/apt.log)"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" < /dev/null >> "$log" 2>&1 && return 0
  DEBIAN_FRONTEND=noninteractive apt-get update -q < /dev/null >> "$log" 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" < /dev/null >> "$log" 2>&1
}

# ---------------------------------------------------------------------------------------------------------------
# The official reference files.
if [[ -z "${COMMONWEAL_REFERENCE_DATA:-}" ]]; then
  if [[ -d "$repo/../shared/data" ]]; then
    COMMONWEAL_REFERENCE_DATA="$(cd "$repo/../shared/data" && pwd -P)"
    export COMMONWEAL_REFERENCE_DATA
  fi
elif [[ -d "$COMMONWEAL_REFERENCE_DATA" ]]; then
  COMMONWEAL_REFERENCE_DATA="$(cd "$COMMONWEAL_REFERENCE_DATA" && pwd -P)"   # the tests run in their bin folder
  export COMMONWEAL_REFERENCE_DATA
fi
if [[ -n "${COMMONWEAL_REFERENCE_DATA:-}" && -d "$COMMONWEAL_REFERENCE_DATA" ]]; then
  say "reference data: $COMMONWEAL_REFERENCE_DATA"
elif [[ -n "${COMMONWEAL_REFERENCE_DATA:-}" ]]; then
  say "reference data: COMMONWEAL_REFERENCE_DATA=$COMMONWEAL_REFERENCE_DATA is not a folder; tests on the real official files will be skipped"
else
  say "reference data: ../shared/data not found; tests on the real official files will be skipped (to run them: COMMONWEAL_REFERENCE_DATA=/path/to/folder/of/official/files ./test.sh)"
fi

# ---------------------------------------------------------------------------------------------------------------
# Chromium for the browser tests (they skip themselves when COMMONWEAL_CHROMIUM is unset).
if [[ $use_browser -eq 0 ]]; then
  unset COMMONWEAL_CHROMIUM
  say "browser tests skipped: --no-browser"
else
  if [[ -n "${COMMONWEAL_CHROMIUM:-}" && -x "$COMMONWEAL_CHROMIUM" ]]; then
    :   # the developer's own choice
  elif [[ -x /usr/bin/chromium ]]; then
    export COMMONWEAL_CHROMIUM=/usr/bin/chromium
  else
    unset COMMONWEAL_CHROMIUM
    if can_install && apt_install chromium && [[ -x /usr/bin/chromium ]]; then
      export COMMONWEAL_CHROMIUM=/usr/bin/chromium
    fi
  fi
  if [[ -n "${COMMONWEAL_CHROMIUM:-}" ]]; then
    say "browser: $COMMONWEAL_CHROMIUM"
  else
    say "browser tests skipped: Chromium not found; install it with: sudo apt-get install chromium"
  fi
fi

# ---------------------------------------------------------------------------------------------------------------
# A throwaway PostgreSQL server on a free port of 127.0.0.1, stopped and removed on exit.
pg_bin=""
pg_tmp=""
pg_data=""
pg_log=""

find_pg_bin() {
  local dir
  while read -r dir; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" && -x "$dir/postgres" ]]; then pg_bin="$dir"; return 0; fi
  done < <(printf '%s\n' /usr/lib/postgresql/*/bin | sort -t/ -k5,5 -V -r)
  if command -v initdb > /dev/null 2>&1 && command -v pg_ctl > /dev/null 2>&1; then
    pg_bin="$(dirname "$(command -v pg_ctl)")"
    return 0
  fi
  return 1
}

free_port() {
  if command -v python3 > /dev/null 2>&1; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' && return 0
  fi
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

# Runs a PostgreSQL program: as the postgres user when we are root (initdb refuses root), else as ourselves.
as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    (cd "$pg_tmp" && runuser -u postgres -- "$@")
  else
    (cd "$pg_tmp" && "$@")
  fi
}

stop_postgres() {
  if [[ -n "$pg_data" && -f "$pg_data/postmaster.pid" ]]; then
    as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate -w -t 30 > /dev/null 2>&1
    if [[ -f "$pg_data/postmaster.pid" ]]; then   # pg_ctl failed: end the server we started, by its id
      local pid
      pid="$(head -1 "$pg_data/postmaster.pid" 2> /dev/null)"
      [[ "$pid" =~ ^[0-9]+$ ]] && kill -KILL "$pid" 2> /dev/null
    fi
  fi
  if [[ -n "$pg_log" && -f "$pg_log" && -d "$out" ]]; then cp "$pg_log" "$out/postgres.log" 2> /dev/null; fi
  if [[ -n "$pg_tmp" && -d "$pg_tmp" ]]; then rm -rf "$pg_tmp"; fi
  pg_data=""
  pg_tmp=""
}

# shellcheck disable=SC2317  # called by the trap
cleanup() { stop_postgres > /dev/null 2>&1; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

start_postgres() {
  if ! find_pg_bin; then
    if can_install && apt_install postgresql && find_pg_bin; then :; else
      say "PostgreSQL tests skipped: PostgreSQL server not found; install it with: sudo apt-get install postgresql"
      return 1
    fi
  fi
  if [[ $(id -u) -eq 0 ]] && ! id -u postgres > /dev/null 2>&1; then
    say "PostgreSQL tests skipped: running as root and there is no 'postgres' user to run the server as (sudo apt-get install postgresql creates it)"
    return 1
  fi

  pg_tmp="$(mktemp -d "${TMPDIR:-/tmp}/commonweal-pg.XXXXXX")" || return 1
  pg_data="$pg_tmp/data"
  pg_log="$pg_tmp/postgres.log"
  mkdir -p "$pg_tmp/socket"
  [[ $(id -u) -eq 0 ]] && chown -R postgres: "$pg_tmp"

  if ! as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8 > "$pg_tmp/initdb.log" 2>&1; then
    rm -rf "$pg_data"
    if ! as_pg "$pg_bin/initdb" -D "$pg_data" -A trust -U postgres --no-sync -E UTF8 --locale=C > "$pg_tmp/initdb.log" 2>&1; then
      say "PostgreSQL tests skipped: initdb failed:"
      sed 's/^/    /' "$pg_tmp/initdb.log"
      pg_data=""
      return 1
    fi
  fi

  local port
  for _ in 1 2 3; do
    port="$(free_port)" || break
    if as_pg "$pg_bin/pg_ctl" start -w -t 60 -D "$pg_data" -l "$pg_log" \
      -o "-p $port -c listen_addresses=127.0.0.1 -k '$pg_tmp/socket' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      > "$pg_tmp/pg_ctl.log" 2>&1; then
      export COMMONWEAL_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true"
      local version
      version="$("$pg_bin/postgres" --version 2> /dev/null | sed 's/^postgres (PostgreSQL) //')"
      say "PostgreSQL ${version:-server}: throwaway server on 127.0.0.1:$port (data in $pg_data, removed on exit)"
      return 0
    fi
    as_pg "$pg_bin/pg_ctl" stop -D "$pg_data" -m immediate > /dev/null 2>&1   # in case it half-started
  done
  say "PostgreSQL tests skipped: the throwaway server did not start; its log:"
  tail -20 "$pg_log" 2> /dev/null | sed 's/^/    /'
  stop_postgres
  return 1
}

if [[ $use_postgres -eq 0 ]]; then
  unset COMMONWEAL_TEST_POSTGRES
  say "PostgreSQL tests skipped: --no-postgres"
elif [[ -n "${COMMONWEAL_TEST_POSTGRES:-}" ]]; then
  say "PostgreSQL: the server already given in COMMONWEAL_TEST_POSTGRES (no throwaway server)"
else
  unset COMMONWEAL_TEST_POSTGRES
  start_postgres
fi

# ---------------------------------------------------------------------------------------------------------------
# The tests. In CI no build server may outlive the run (it would hold the console open).
build_server_args=()
[[ "${CI:-}" == "true" ]] && build_server_args=(--disable-build-servers)

say "dotnet test Commonweal.slnx${dotnet_args[*]:+ ${dotnet_args[*]}}"
dotnet test Commonweal.slnx "${build_server_args[@]}" \
  --logger trx --logger "console;verbosity=minimal" --results-directory "$out" \
  "-flp:LogFile=$out/build-errors.log;ErrorsOnly;NoSummary" \
  "${dotnet_args[@]}"
dotnet_rc=$?

stop_postgres > /dev/null 2>&1   # before the summary, so that nothing is printed after its last line

# ---------------------------------------------------------------------------------------------------------------
# Known vulnerabilities in any package, direct or transitive (NuGet's advisory database): counted as one test of the
# full run (not of a filtered one); skipped, saying why, when the advisory database cannot be reached.
audit_outcome=""
audit_detail=""
if [[ ${#dotnet_args[@]} -eq 0 ]]; then
  say "dotnet list package --vulnerable --include-transitive"
  if timeout 300 dotnet list Commonweal.slnx package --vulnerable --include-transitive --format json > "$out/vulnerable.json" 2> "$out/vulnerable.err"; then
    vulnerable="$(python3 - "$out/vulnerable.json" << 'PY' 2>&1
import json, sys
data = json.load(open(sys.argv[1]))
found = set()
for project in data.get("projects", []):
    for framework in project.get("frameworks", []):
        for kind in ("topLevelPackages", "transitivePackages"):
            for package in framework.get(kind, []):
                if package.get("vulnerabilities"):
                    severities = ", ".join(v.get("severity", "?") for v in package["vulnerabilities"])
                    found.add("%s: %s %s (%s)" % (project["path"].split("/")[-1], package["id"], package.get("resolvedVersion", ""), severities))
print("; ".join(sorted(found)))
PY
)"
    if [[ -z "$vulnerable" ]]; then audit_outcome=passed; else audit_outcome=failed; audit_detail="$vulnerable"; fi
  else
    audit_outcome=skipped
    audit_detail="NuGet's vulnerability data could not be read (offline?): $(head -c 300 "$out/vulnerable.err" | tr '\n' ' ')"
  fi
fi
export audit_outcome audit_detail

# ---------------------------------------------------------------------------------------------------------------
# The summary from the TRX files. xunit's skipped tests are UnitTestResult outcome="NotExecuted" with the reason
# in Output/ErrorInfo/Message; the TRX Counters leave notExecuted at 0 for them, so skipped = total - executed.
summary="$(python3 - "$out" "$dotnet_rc" << 'PY'
import glob, os, re, sys
import xml.etree.ElementTree as ET

out, dotnet_rc = sys.argv[1], int(sys.argv[2])
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
files = sorted(glob.glob(os.path.join(out, "**", "*.trx"), recursive=True))
passed = failed = skipped = 0
skips, failures, problems = [], [], []

def text(node, path):
    found = node.find(path, ns)
    return (found.text or "").strip() if found is not None and found.text else ""

for path in files:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as error:
        problems.append(f"{os.path.basename(path)} is not valid TRX ({error})")
        failed += 1
        continue
    counters = root.find("t:ResultSummary/t:Counters", ns)
    c = {k: int(v) for k, v in counters.attrib.items()} if counters is not None else {}
    passed += c.get("passed", 0)
    failed += sum(c.get(k, 0) for k in ("failed", "error", "timeout", "aborted"))
    skipped += max(c.get("notExecuted", 0) + c.get("notRunnable", 0), c.get("total", 0) - c.get("executed", 0))
    for result in root.iterfind("t:Results/t:UnitTestResult", ns):
        name = result.get("testName", "?")
        outcome = result.get("outcome", "")
        if outcome == "NotExecuted":
            reason = text(result, "t:Output/t:ErrorInfo/t:Message") or text(result, "t:Output/t:StdOut") or "(no reason given)"
            skips.append((reason, name))
        elif outcome in ("Failed", "Error", "Timeout", "Aborted"):
            failures.append(name)

audit, audit_detail = os.environ.get("audit_outcome", ""), os.environ.get("audit_detail", "")
audit_name = "dotnet list package --vulnerable --include-transitive finds no known vulnerability"
if audit == "passed":
    passed += 1
elif audit == "failed":
    failed += 1
    failures.append(f"{audit_name}: {audit_detail}")
elif audit == "skipped":
    skipped += 1
    skips.append((audit_detail, audit_name))

lines = []
if skips:
    lines.append(f"Skipped tests ({len(skips)}):")
    by_reason = {}
    for reason, name in skips:
        by_reason.setdefault(reason, []).append(name)
    for reason, names in sorted(by_reason.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"  {reason}")
        for name in sorted(names):
            lines.append(f"    - {name}")
if failures:
    lines.append(f"Failed tests ({len(failures)}):")
    lines.extend(f"  - {name}" for name in sorted(failures))
lines.extend(problems)
errors = []
try:
    with open(os.path.join(out, "build-errors.log"), encoding="utf-8", errors="replace") as log:
        for raw in log:
            line = re.sub(r"^\s*\d+(:\d+)?>", "", raw.rstrip()).strip()
            if line and line not in errors:
                errors.append(line)
except OSError:
    pass
if errors:
    lines.append(f"Build errors ({len(errors)}):")
    lines.extend(f"  {e}" for e in errors[:40])
    if len(errors) > 40:
        lines.append(f"  ... and {len(errors) - 40} more in .test-output/build-errors.log")
if not files:
    lines.append(f"No test results in {out}: the build failed or no test ran (dotnet test exit code {dotnet_rc}).")
    failed = max(failed, 1)
elif dotnet_rc != 0 and failed == 0:
    cause = "the build failed" if errors else "a crashed test host or a bad argument?"
    lines.append(f"dotnet test exited with code {dotnet_rc} although no test failed ({cause}).")
    failed = 1
line = f"Tests: {passed} passed, {failed} failed"
if skipped > 0:
    line += f", {skipped} skipped"
lines.append(line)
print("\n".join(lines))
PY
)"
python_rc=$?

echo
if [[ $python_rc -ne 0 || -z "$summary" ]]; then
  echo "test.sh: could not read the TRX results in $out (python3 exit code $python_rc)"
  echo "Tests: 0 passed, 1 failed"
  exit 1
fi
echo "$summary"
failed="$(tail -1 <<< "$summary" | sed -E 's/^Tests: [0-9]+ passed, ([0-9]+) failed.*/\1/')"
if [[ $dotnet_rc -eq 0 && "$failed" == "0" ]]; then exit 0; fi
[[ $dotnet_rc -ne 0 ]] && exit "$dotnet_rc"
exit 1
