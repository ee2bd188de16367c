#!/usr/bin/env bash
# Installs the Debian packages the portal and its tests need, only when missing:
# chromium (print + e2e), Noto CJK fonts (Chinese in PDFs and screenshots),
# poppler-utils (pdfunite joins batch prints; pdftotext/pdftoppm in tests) and a PostgreSQL server
# (integration tests).
set -euo pipefail
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
# grep without -q reads all input: with -q, fc-list gets SIGPIPE and pipefail reports failure.
fc-list 2>/dev/null | grep "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || need+=(poppler-utils)
if [ "${WITH_POSTGRES:-0}" = 1 ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  need+=(postgresql)
fi
if [ ${#need[@]} -eq 0 ]; then exit 0; fi
echo "[ensure-system] installing: ${need[*]}"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
timeout 900 $SUDO apt-get update -qq
timeout 1800 $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" fontconfig >/dev/null
echo "[ensure-system] done"
