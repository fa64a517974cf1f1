#!/usr/bin/env bash
# Installs the JavaScript readers the interoperability tests check warctrail's output against:
#  - warcio.js (npm ci, pinned by package-lock.json), which parses WARC files as Webrecorder's tools do;
#  - vnu-jar (the same npm ci), the Nu Html Checker's vnu.jar, which validates the provenance report;
#  - ReplayWeb.page's prebuilt ui.js and sw.js, unpacked from the registry's tarball. Its package.json lists
#    the build's own dependencies (electron, webpack plugins, ...), which the bundles do not need at run time,
#    so it is not installed as a dependency.
# Idempotent: does nothing that is already done.
set -euo pipefail
cd "$(dirname "$0")"

RWP_VERSION=2.5.3
RWP_SHA1=062dc5235b25adfcf7313d9ce0c40e9e7bada210

if [ ! -f node_modules/warcio/package.json ] || [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi

rwp=node_modules/replaywebpage
if [ ! -f "$rwp/sw.js" ] || ! grep -q "\"version\": \"$RWP_VERSION\"" "$rwp/package.json" 2>/dev/null; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  tgz=$(npm pack "replaywebpage@$RWP_VERSION" --pack-destination "$tmp" --loglevel=error | tail -n 1)
  actual=$(sha1sum "$tmp/$tgz" | cut -d' ' -f1)
  if [ "$actual" != "$RWP_SHA1" ]; then
    echo "install.sh: replaywebpage-$RWP_VERSION.tgz has sha1 $actual, expected $RWP_SHA1" >&2
    exit 1
  fi
  rm -rf "$rwp"
  mkdir -p "$rwp"
  tar -xzf "$tmp/$tgz" -C "$rwp" --strip-components=1 package/package.json package/ui.js package/sw.js package/LICENSE
fi
