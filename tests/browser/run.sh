#!/bin/sh
# Runs page_test.mjs from the build folder: installs playwright-core there from the committed lock file (npm ci; it
# never downloads a browser), then drives Debian's chromium. Exits 77 (skipped) without node, npm or chromium.
#   run.sh PLANSHEET_BINARY SOURCE_DIR BUILD_DIR
set -eu
binary=$1 source=$2 build=$3
for tool in node npm /usr/bin/chromium; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (see .ci/run)"; exit 77; }
done
mkdir -p "$build"
cd "$build"
for file in package.json package-lock.json page_test.mjs; do cp -p "$source/tests/browser/$file" .; done
if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
exec node page_test.mjs "$binary" "$source" "$build/out"
