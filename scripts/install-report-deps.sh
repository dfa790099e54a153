#!/usr/bin/env bash
# Debian packages `sitrep report --format pdf` and its tests need: Pango (WeasyPrint lays text out
# with it), HarfBuzz's subsetter (smaller embedded fonts), the DejaVu fonts the report names, and
# poppler-utils (pdftoppm/pdftotext turn the PDF into PNG pages and text in tests/test_report.py).
# Idempotent: installs only what is missing.
set -euo pipefail

missing=()
for package in libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-report-deps: missing ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "install-report-deps: installing Debian's ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
