#!/bin/sh
# Installs the npm packages the export checks use (package.json beside this
# file) into tests/js/node_modules, once; later runs find them there.
# Exit status 0 when they are usable.
cd "$(dirname "$0")" || exit 1
if [ -f node_modules/ajv/package.json ] && [ -f node_modules/ajv-formats/package.json ] &&
   [ -f node_modules/playwright-core/package.json ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || { echo "npm not found" >&2; exit 1; }
if [ -f package-lock.json ]; then
  timeout 300 npm ci --no-audit --no-fund --loglevel=error >&2 || exit 1
else
  timeout 300 npm install --no-audit --no-fund --loglevel=error >&2 || exit 1
fi
[ -f node_modules/ajv/package.json ] && [ -f node_modules/playwright-core/package.json ]
