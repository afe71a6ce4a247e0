#!/usr/bin/env bash
# Installs Debian's Chromium (for the end-to-end browser tests) when it is missing.
# Playwright drives this system browser; it never downloads a browser of its own.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "chromium manquant : installez le paquet Debian 'chromium' (sudo apt-get install chromium)." >&2
  exit 0
fi
apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
