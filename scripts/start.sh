#!/usr/bin/env bash
# The main job: build the extension for both browsers, show what the engine finds in a sample
# message with the sample policy, then open the live demo (headless: saves a screenshot).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== Building the extension (Chrome MV3 → .output/chrome-mv3, Firefox → .output/firefox-mv2)"
npx wxt build >/dev/null
npx wxt build -b firefox >/dev/null
echo "   done."

echo
echo "== Scanning samples/message.txt with samples/policy.json (recipient i.volkov@stroy-invest.ru)"
npx --no-install channel-guard scan --policy samples/policy.json --recipients i.volkov@stroy-invest.ru samples/message.txt

if [ -f scripts/demo.ts ]; then
  echo
  echo "== Live demo in Chromium"
  npx tsx scripts/demo.ts "$@"
fi
