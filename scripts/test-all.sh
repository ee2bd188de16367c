#!/usr/bin/env bash
# The whole test suite, on a fresh machine or a clean clone (CI=true), in one command:
#   bash scripts/test-all.sh        (npm run test:all)
# Stages: system packages → npm ci → prisma generate → tsc → unit → integration on PGlite →
# integration on a throw-away PostgreSQL server → next build → Playwright e2e.
# Runs every stage even when one fails: a stage that needs a failed one (e2e needs `next build`)
# is reported as skipped with the reason. Always stops what it started, prints a summary of every
# stage, and exits non-zero when any stage failed (with the first failing stage's code).
# SKIP_E2E=1 skips the last two stages (a quicker local run).
# For checking this script itself: TEST_ALL_FAIL_STAGE="unit" (a stage name, or several joined
# by "|") makes that stage fail at once instead of running; TEST_ALL_DRY=1 prints each stage's
# command instead of running it.
set -euo pipefail
cd "$(dirname "$0")/.."
REPORTS="$PWD/data/test-reports"
mkdir -p "$REPORTS"
rm -f "$REPORTS"/*.json
export NEXT_TELEMETRY_DISABLED=1

PG_STARTED=0
STAGE_PID=""
STAGE_NAME=""
STAGE_T0=0
SUMMARY=()
RUN_START=$SECONDS
declare -A RESULT=() # stage → ok | FAIL | skip (not needed: counts as passed) | blocked (a stage it needs did not pass)
FAILED=()
FIRST_RC=0

row() { SUMMARY+=("$(printf '%-26s %-5s %6ss  %s' "$1" "$2" "$3" "$4")"); }

summary() {
  echo
  echo "─────────────────────── test-all summary ───────────────────────"
  printf '%-26s %-5s %7s  %s\n' stage result time tests
  local line
  for line in "${SUMMARY[@]}"; do echo "$line"; done
  echo "total: $((SECONDS - RUN_START)) s"
  [ "${#FAILED[@]}" -gt 0 ] && echo "failed: $(IFS=,; echo "${FAILED[*]}" | sed 's/,/, /g')"
  return 0
}

cleanup() {
  local rc=$?
  [ "$rc" = 0 ] && rc=$FIRST_RC
  trap - EXIT INT TERM
  if [ "$PG_STARTED" = 1 ]; then timeout 60 bash scripts/pg-test-server.sh stop || true; fi
  summary
  if [ "$rc" = 0 ]; then echo "ALL PASSED"; else echo "FAILED (exit $rc)"; fi
  exit "$rc"
}

# Interrupted (Ctrl-C, or .ci/run's overall timeout): end the running stage's process group
# (each stage runs under its own `timeout`, which leads a group of its own), then clean up.
on_signal() {
  [ -n "$STAGE_NAME" ] && row "$STAGE_NAME" STOP "$((SECONDS - STAGE_T0))" "interrupted"
  STAGE_NAME=""
  if [ -n "$STAGE_PID" ]; then
    kill -TERM -- "-$STAGE_PID" 2>/dev/null || kill -TERM "$STAGE_PID" 2>/dev/null || true
    wait "$STAGE_PID" 2>/dev/null || true
  fi
  exit "$1"
}
trap cleanup EXIT
trap 'on_signal 130' INT
trap 'on_signal 143' TERM

# limited SECONDS command…: runs it under `timeout`, waiting in a way a signal can interrupt.
limited() {
  local secs="$1"
  shift
  timeout --kill-after=30 "$secs" "$@" &
  STAGE_PID=$!
  local rc=0
  wait "$STAGE_PID" || rc=$?
  STAGE_PID=""
  [ "$rc" = 124 ] && echo "[test-all] timed out after ${secs}s: $*"
  return "$rc"
}

# Test counts from a vitest or Playwright JSON report.
counts() {
  [ -f "$1" ] || { echo "-"; return 0; }
  node -e '
    const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    if (r.stats && "expected" in r.stats) {
      const s = r.stats;
      console.log(`${s.expected} passed, ${s.unexpected} failed, ${s.flaky} flaky, ${s.skipped} skipped`);
    } else {
      console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped, ${r.testResults.length} files`);
    }' "$1" 2>/dev/null || echo "-"
}

# blocked_by DEP…: the first of these stages that did not pass (failed, or skipped because of
# another), if any.
blocked_by() {
  local d
  for d in "$@"; do
    case "${RESULT[$d]:-}" in
      ok | skip) ;;
      *) echo "$d"; return 0 ;;
    esac
  done
  return 0
}

# stage NAME SECONDS REPORT|- NEEDS|- command…   NEEDS: the stages it needs, joined by ",".
# A failure is recorded and the run goes on; a stage whose NEEDS did not pass is skipped.
stage() {
  local name="$1" secs="$2" report="$3" needs="$4"
  shift 4
  local blocker=""
  if [ "$needs" != "-" ]; then
    local deps
    IFS=, read -ra deps <<<"$needs"
    blocker="$(blocked_by "${deps[@]}")"
  fi
  if [ -n "$blocker" ]; then
    echo
    echo "════ $name: skipped, needs \"$blocker\", which did not pass ════"
    RESULT[$name]=blocked
    local why="${RESULT[$blocker]:-not run}"
    [ "$why" = blocked ] && why=skipped
    row "$name" skip 0 "needs \"$blocker\" ($why)"
    return 0
  fi
  echo
  echo "════ $name ════"
  local t0=$SECONDS rc=0
  STAGE_NAME="$name" STAGE_T0=$SECONDS
  if [[ -n "${TEST_ALL_FAIL_STAGE:-}" && "|$TEST_ALL_FAIL_STAGE|" == *"|$name|"* ]]; then
    echo "[test-all] TEST_ALL_FAIL_STAGE: failing \"$name\" on purpose"
    rc=99
  elif [ "${TEST_ALL_DRY:-0}" = 1 ]; then
    echo "[test-all] TEST_ALL_DRY: $*"
  else
    limited "$secs" "$@" || rc=$?
  fi
  STAGE_NAME=""
  local tests="-"
  [ "$report" != "-" ] && tests="$(counts "$report")"
  if [ "$rc" = 0 ]; then
    RESULT[$name]=ok
    row "$name" ok "$((SECONDS - t0))" "$tests"
  else
    RESULT[$name]=FAIL
    FAILED+=("$name")
    [ "$FIRST_RC" = 0 ] && FIRST_RC=$rc
    [ "$rc" = 124 ] && tests="timed out after ${secs}s; $tests"
    row "$name" FAIL "$((SECONDS - t0))" "$tests (exit $rc)"
  fi
  return 0
}

# skipped NAME REASON: a stage not needed on this run (counts as passed for those that need it).
skipped() {
  RESULT[$1]=skip
  row "$1" skip 0 "$2"
}

REPORTERS=(--reporter=default --reporter=json)

# 1. System packages (Chromium, CJK fonts, poppler, PostgreSQL), installed only when missing.
#    Not a hard need of the later stages: one missing package fails only the stages that use it.
stage "system packages" 2400 - - env WITH_POSTGRES=1 bash scripts/ensure-system.sh

# 2. Node modules: a clean clone has none; a lock file newer than the install needs a fresh one.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # This machine's registry mirror has no macOS/Windows builds, so package-lock.json lacks those
  # optional entries and npm 11's `npm ci` may refuse it as out of sync; `npm install --no-save`
  # then installs the same locked versions without rewriting the lock file.
  stage "npm ci" 1200 - - bash -c 'npm ci --no-audit --no-fund || {
    echo "[test-all] npm ci refused the lock file; installing the locked versions with npm install --no-save"
    npm install --no-save --no-audit --no-fund
  }'
else
  skipped "npm ci" "node_modules up to date"
fi

stage "prisma generate" 300 - "npm ci" npm run --silent prisma:generate
stage "typecheck (tsc)" 900 - "prisma generate" npx tsc --noEmit
stage "unit" 600 "$REPORTS/unit.json" "prisma generate" \
  npx vitest run --project unit "${REPORTERS[@]}" --outputFile.json="$REPORTS/unit.json"
stage "integration (PGlite)" 1800 "$REPORTS/integration-pglite.json" "prisma generate" \
  env -u DATABASE_URL npx vitest run --project integration "${REPORTERS[@]}" --outputFile.json="$REPORTS/integration-pglite.json"

# 3. The same integration tests on a PostgreSQL server: a throw-away cluster, stopped on exit.
PG_STARTED=1
stage "PostgreSQL test server" 180 - - bash -c 'bash scripts/pg-test-server.sh start >"$1" && grep -q "^DATABASE_URL=" "$1"' _ "$REPORTS/pg-server.out"
PG_URL="$(sed -n 's/^DATABASE_URL=//p' "$REPORTS/pg-server.out" 2>/dev/null | tail -n 1 || true)"
[ "${TEST_ALL_DRY:-0}" = 1 ] && PG_URL="${PG_URL:-postgresql://dry-run}"
stage "integration (PostgreSQL)" 1800 "$REPORTS/integration-postgres.json" "prisma generate,PostgreSQL test server" \
  env DATABASE_URL="$PG_URL" npx vitest run --project integration "${REPORTERS[@]}" --outputFile.json="$REPORTS/integration-postgres.json"
limited 60 bash scripts/pg-test-server.sh stop || true
PG_STARTED=0

# 4. End to end: a production build, served over a freshly seeded embedded database by
#    Playwright's webServer (scripts/e2e-server.sh). `next build` type-checks the whole app too.
if [ "${SKIP_E2E:-0}" = 1 ]; then
  skipped "next build" "SKIP_E2E=1"
  skipped "e2e (Playwright)" "SKIP_E2E=1"
elif [ ! -d e2e ]; then
  skipped "e2e (Playwright)" "no e2e/ directory yet"
else
  stage "next build" 1200 - "prisma generate,typecheck (tsc)" npx next build
  stage "e2e (Playwright)" 1800 "$REPORTS/e2e.json" "next build" npx playwright test
fi

exit "$FIRST_RC"
