#!/usr/bin/env bash
# Installs what the browser tests need: Debian's chromium (apt) and Playwright for Python
# (pip, into the project's venv). Playwright's own browser download is never used: it does
# not work offline. Needs root for apt; without it, the browser tests skip with a reason.
set -euo pipefail
VENV=${VENV:-.venv}
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = "0" ]; then
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "install_browser: not root, cannot apt-get install chromium; browser tests will skip" >&2
    exit 0
  fi
fi
"$VENV/bin/pip" install --quiet "playwright>=1.40,<2"
echo "install_browser: $(/usr/bin/chromium --version 2>/dev/null | head -1), playwright ready"
