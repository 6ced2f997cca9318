#!/usr/bin/env bash
# The whole test suite: type check, both browser builds, Firefox lint, unit tests, real-browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step "type check"
npx wxt prepare >/dev/null
npx tsc --noEmit

step "build (Chrome MV3 + Firefox)"
npx wxt build
npx wxt build -b firefox

step "web-ext lint (Firefox build)"
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted --output json > .output/web-ext-lint.json || true
node scripts/check-lint.mjs .output/web-ext-lint.json

step "unit tests (Vitest)"
npx vitest run

step "browser tests (Playwright: Chromium, Firefox ESR, Roundcube)"
npx playwright test
