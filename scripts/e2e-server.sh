#!/usr/bin/env bash
# The server Playwright's webServer starts (playwright.config.ts): a production build on
# 127.0.0.1:3100 over a fresh embedded database (data/e2e) loaded with the demo seed.
# Needs `npx next build` first; builds once if there is no build yet.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT="${E2E_PORT:-3100}"
DATA_DIR="${E2E_DATA_DIR:-$PWD/data/e2e}"

# Always the embedded database, never a server someone configured for development.
unset DATABASE_URL
export PGLITE_DATA_DIR="$DATA_DIR"
export NEXT_TELEMETRY_DISABLED=1
# Every browser of the suite signs in from 127.0.0.1: keep the per-address throttle out of the way
# (tests/integration/sign-in.test.ts covers it).
export LOGIN_IP_MAX_FAILURES=500
# A cold Chromium on a shared 2-core machine can take longer than the production default (20 s)
# for its first CJK form; the suite checks what is printed, not how fast.
export PRINT_TIMEOUT_MS="${PRINT_TIMEOUT_MS:-90000}"
# The run's uploaded scans go with its database, away from the demo's data/files.
export ARCHIVE_FILES_DIR="${ARCHIVE_FILES_DIR:-$DATA_DIR-files}"
# Its audit checkpoints too: they anchor this database's chain, not the demo's.
export AUDIT_CHECKPOINT_FILE="${AUDIT_CHECKPOINT_FILE:-$DATA_DIR-audit-checkpoints.jsonl}"

rm -rf "$DATA_DIR" "$ARCHIVE_FILES_DIR" "$AUDIT_CHECKPOINT_FILE"
mkdir -p "$(dirname "$DATA_DIR")"

if [ ! -f .next/BUILD_ID ]; then
  echo "[e2e-server] no production build: running next build"
  timeout 1200 npx next build
fi

echo "[e2e-server] seeding $DATA_DIR"
timeout 600 npx tsx prisma/seed.ts

echo "[e2e-server] starting on http://127.0.0.1:$PORT"
# The portal's own server (scripts/serve.ts): `next start` plus the client address from the socket.
exec node --import tsx scripts/serve.ts -p "$PORT" -H 127.0.0.1
