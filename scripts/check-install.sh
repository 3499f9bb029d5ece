#!/usr/bin/env bash
# Follows the README's Install section literally, from a fresh clone, in a
# temporary prefix and offline (the packages come from npm's cache, filled by
# the `npm ci` CI has just run): `npm install` in the clone, `npm install -g .`,
# then the installed `unres` must be on the PATH and work. Used by .ci/run.
# The clone holds what is committed; outside a git checkout (an unpacked
# tarball) the folder itself is copied.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
clone="$work/unres"
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git clone -q "$PWD" "$clone"
else
  cp -R . "$clone"
fi
cd "$clone"
npm install --offline --no-audit --no-fund >/dev/null
npm install -g --prefix "$prefix" --offline --no-audit --no-fund . >/dev/null
test -L "$prefix/lib/node_modules/unres" || { echo "check-install: $prefix/lib/node_modules/unres is not a link to the clone" >&2; exit 1; }
export PATH="$prefix/bin:$PATH"
test "$(command -v unres)" = "$prefix/bin/unres" || { echo "check-install: unres on the PATH is $(command -v unres), not $prefix/bin/unres" >&2; exit 1; }
version="$(unres --version)"
expected="$(node -p 'require("./package.json").version')"
if [ "$version" != "$expected" ]; then
  echo "check-install: unres --version printed '$version', expected '$expected'" >&2
  exit 1
fi
unres search --help >/dev/null
# The README's first search, with the installed command and an index of its own.
export UNRES_INDEX="$work/index"
unres ingest seeds/ >/dev/null
unres search "الاتجار بالأطفال" >"$work/hits" 2>&1 || { cat "$work/hits" >&2; echo "check-install: the installed unres found nothing" >&2; exit 1; }
echo "check-install: $prefix/bin/unres $version, from a fresh clone"
