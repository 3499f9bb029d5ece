#!/usr/bin/env bash
# Follows the README's Install section literally, in a temporary prefix and
# offline: `npm install -g .` from the clone (after `npm install`, which CI has
# done), then the installed command must run. Used by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="$(mktemp -d)"
trap 'rm -rf "$prefix"' EXIT
npm install -g --prefix "$prefix" --offline --no-audit --no-fund . >/dev/null
test -L "$prefix/lib/node_modules/unres" || { echo "check-install: $prefix/lib/node_modules/unres is not a link to the clone" >&2; exit 1; }
version="$("$prefix/bin/unres" --version)"
expected="$(node -p 'require("./package.json").version')"
if [ "$version" != "$expected" ]; then
  echo "check-install: $prefix/bin/unres --version printed '$version', expected '$expected'" >&2
  exit 1
fi
"$prefix/bin/unres" search --help >/dev/null
echo "check-install: $prefix/bin/unres $version"
