#!/usr/bin/env bash
# Vendor the dashboard's browser assets from the npm registry into src/sitrep/serve/static/vendor/.
#
# `npm ci` installs the exact versions pinned in static/package-lock.json into a temporary folder
# (no node_modules in the work tree, no install scripts run); only the files the pages load are
# copied. The dashboard then needs no internet at run time. Idempotent: reruns replace vendor/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
static="$here/src/sitrep/serve/static"
vendor="$static/vendor"

if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-assets: npm is missing; install Debian's npm (sudo apt-get install -y npm)" >&2
    exit 1
  fi
  echo "install-assets: installing Debian's npm"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$static/package.json" "$static/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)

modules="$work/node_modules"
staging="$work/vendor"
mkdir -p "$staging/leaflet/images" "$staging/swagger-ui"
cp "$modules/leaflet/dist/leaflet.js" "$modules/leaflet/dist/leaflet.css" "$staging/leaflet/"
cp "$modules/leaflet/dist/images/"*.png "$staging/leaflet/images/"
cp "$modules/leaflet/LICENSE" "$staging/leaflet/LICENSE"
cp "$modules/uplot/dist/uPlot.iife.min.js" "$modules/uplot/dist/uPlot.min.css" "$staging/"
cp "$modules/uplot/LICENSE" "$staging/uPlot.LICENSE"
cp "$modules/topojson-client/dist/topojson-client.min.js" "$staging/"
cp "$modules/topojson-client/LICENSE" "$staging/topojson-client.LICENSE"
cp "$modules/world-atlas/countries-110m.json" "$modules/world-atlas/countries-50m.json" "$staging/"
cp "$modules/world-atlas/LICENSE" "$staging/world-atlas.LICENSE"
cp "$modules/swagger-ui-dist/swagger-ui-bundle.js" "$modules/swagger-ui-dist/swagger-ui.css" "$staging/swagger-ui/"
cp "$modules/swagger-ui-dist/LICENSE" "$staging/swagger-ui/LICENSE"

rm -rf "$vendor"
mv "$staging" "$vendor"
echo "install-assets: vendored $(find "$vendor" -type f | wc -l) files into ${vendor#"$here"/}"
