#!/usr/bin/env bash
# Debian's chromium for the dashboard's browser tests (Playwright drives it by executable path).
# Never a Playwright browser download: the test machines reach Debian's archive, not browser builds.
set -euo pipefail

if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-browser: /usr/bin/chromium is missing; run as root or: sudo apt-get install -y chromium" >&2
  exit 1
fi
echo "install-browser: installing Debian's chromium"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
