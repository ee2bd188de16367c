#!/usr/bin/env bash
# (a) The demo, on a fresh machine or a clean clone, in one command:
#   bash scripts/start-demo.sh        (npm run start:demo)
# system packages → npm ci → prisma generate → seed the embedded database → next build →
# banner with the URL and demo logins → the portal's server (scripts/serve.ts: `next start` plus
# the client address from the socket, see TRUSTED_PROXIES in README) on port ${PORT:-3000} (all interfaces).
# With DATABASE_URL unset the data lives in ./data/pglite (PGlite). PGlite is single-process,
# so the seed runs to completion before the server opens the same directory.
# FORCE_BUILD=1 rebuilds even when .next is newer than every source file.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-3000}"
export NEXT_TELEMETRY_DISABLED=1
# Shows the demo password hint on the sign-in page (never set on a real installation).
export KEFU_DEMO=1

step() { printf '\n\033[1m[start-demo] %s\033[0m\n' "$*"; }

# A server already on the port would hold the PGlite data directory the seed needs to open.
if (: <"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "[start-demo] port $PORT is already in use — is the portal already running?" >&2
  echo "[start-demo] stop it first (PGlite allows one process per data directory), or set PORT=…" >&2
  exit 1
fi

step "system packages (chromium, fonts-noto-cjk, poppler-utils)"
bash scripts/ensure-system.sh

# A clean clone has no node_modules; a lock file newer than the install needs a fresh one.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  # The registry mirror here lacks some platforms' optional builds, so npm 11 may call the lock
  # file out of sync; `npm install --no-save` then installs the same locked versions.
  npm ci --no-audit --no-fund || {
    echo "[start-demo] npm ci refused the lock file; installing the locked versions with npm install --no-save"
    npm install --no-save --no-audit --no-fund
  }
else
  step "npm ci: node_modules up to date"
fi

step "prisma generate"
npm run --silent prisma:generate

if [ -n "${DATABASE_URL:-}" ]; then DATA_AT="the PostgreSQL database of DATABASE_URL"; else DATA_AT="${PGLITE_DATA_DIR:-./data/pglite} (embedded PGlite)"; fi
step "migrations + demo data in $DATA_AT"
npx tsx prisma/seed.ts

# Rebuild unless the last build is newer than every input. Excluded: what the build does not read
# (tests, scripts, data, reports) and the generated Prisma client, which `prisma generate` rewrites on
# every run — prisma/schema.prisma, its source, is checked instead.
needs_build() {
  [ "${FORCE_BUILD:-0}" = 1 ] && return 0
  [ -f .next/BUILD_ID ] || return 0
  local newer
  newer=$(find . \
    \( -path ./node_modules -o -path ./.next -o -path ./.git -o -path ./data -o -path ./e2e -o -path ./tests \
       -o -path ./bench -o -path ./scripts -o -path ./.ci -o -path ./test-results -o -path ./playwright-report \
       -o -path ./server/db/generated -o -name '*.test.ts' -o -name '*.tsbuildinfo' \) -prune \
    -o -type f -newer .next/BUILD_ID -print -quit)
  [ -n "$newer" ] && echo "[start-demo] changed since the last build: $newer"
  [ -n "$newer" ]
}
if needs_build; then
  step "next build"
  npx next build
else
  step "next build: .next is up to date (FORCE_BUILD=1 to rebuild)"
fi

cat <<EOF

════════════════════════════════════════════════════════════════════════
  客服部门户 · demo

  URL:  http://localhost:${PORT}      (listening on all interfaces, port ${PORT})

  Demo logins (password Demo@2026 for all; no password change forced —
  a demo convenience, not how real accounts are created):

EOF
npx tsx -e 'import { formatDemoLogins } from "./prisma/seed/demo-users.ts"; console.log(formatDemoLogins().replace(/^/gm, "  "))'
cat <<EOF

  Stop with Ctrl-C. Data stays in $DATA_AT;
  re-running this script keeps it.
════════════════════════════════════════════════════════════════════════

EOF
# No -H: the server already listens on every interface, and with -H 0.0.0.0 the sign-in redirect
# (built from the server's own hostname) would send browsers to http://0.0.0.0:PORT/.
exec node --import tsx scripts/serve.ts -p "$PORT"
