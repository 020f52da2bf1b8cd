#!/usr/bin/env bash
# The web app: rebuilds it from web/ and fails if the build committed under crates/serve/assets
# differs from it (the binary embeds that folder, so a stale build would ship), then drives the
# app in headless Chromium against a real `tessera serve` on loopback (web/tests/browser.mjs):
# every view, a filter through the URL, an article carrying script payloads. Screenshots go to
# target/web-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
(
    cd web
    npm ci --no-audit --no-fund --loglevel=error
    npx tsc --noEmit
    npx vite build --outDir "$fresh/assets" --emptyOutDir --logLevel warn
)
if ! diff -r "$fresh/assets" crates/serve/assets; then
    echo "error: crates/serve/assets is not the build of web/: run 'npm run build' in web/ and commit it" >&2
    exit 1
fi
echo "web: the committed build matches web/"
cargo build --locked -q -p tessera-cli
TESSERA_BIN=$root/target/debug/tessera npm --prefix web test
