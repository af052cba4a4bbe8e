#!/usr/bin/env bash
# Installs what the build and the tests need, skipping whatever is already there at the pinned version.
# Safe to run again and again; quick when everything is present. Versions: tools/versions.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/versions.sh

say() { printf '\033[1mbootstrap:\033[0m %s\n' "$*"; }
fail() { printf 'bootstrap: %s\n' "$*" >&2; exit 1; }

export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
export PATH="$PWD/node_modules/.bin:$CARGO_HOME/bin:$PATH"

# The pins must agree with the files that also name them.
lock_wbg=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
[ "$lock_wbg" = "$WASM_BINDGEN_VERSION" ] ||
  fail "Cargo.lock has wasm-bindgen $lock_wbg but tools/versions.sh pins $WASM_BINDGEN_VERSION: update both (and Trunk.toml) together"
grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"" Trunk.toml || fail "Trunk.toml [tools] wasm_bindgen must be $WASM_BINDGEN_VERSION"
grep -q "^wasm_opt = \"$WASM_OPT_VERSION\"" Trunk.toml || fail "Trunk.toml [tools] wasm_opt must be $WASM_OPT_VERSION"
grep -q "\"binaryen\": \"$BINARYEN_NPM_VERSION\"" package.json || fail "package.json must pin binaryen $BINARYEN_NPM_VERSION"
grep -q "\"@playwright/test\": \"$PLAYWRIGHT_VERSION\"" package.json || fail "package.json must pin @playwright/test $PLAYWRIGHT_VERSION"
grep -q "\"lighthouse\": \"$LIGHTHOUSE_VERSION\"" package.json || fail "package.json must pin lighthouse $LIGHTHOUSE_VERSION"
grep -q "\"esbuild\": \"$ESBUILD_VERSION\"" package.json || fail "package.json must pin esbuild $ESBUILD_VERSION"

if rustup target list --installed | grep -qx "$RUST_TARGET"; then
  say "rust target $RUST_TARGET: present"
else
  say "rust target $RUST_TARGET: installing"
  rustup target add "$RUST_TARGET"
fi

if [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION: present"
else
  say "trunk $TRUNK_VERSION: installing with cargo (compiles for 10-20 minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
   [ "$(wasm-bindgen-test-runner --version 2>/dev/null)" = "wasm-bindgen-test-runner $WASM_BINDGEN_VERSION" ]; then
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  # Not --locked: the CLI's own lockfile names a crate version the registry does not serve.
  say "wasm-bindgen-cli $WASM_BINDGEN_VERSION: installing with cargo (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
  say "chromium and chromedriver: present ($(chromium --version 2>/dev/null | head -n1))"
else
  say "chromium and chromedriver: installing Debian packages $APT_PACKAGES"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq $APT_PACKAGES
fi

# node_modules is current when npm's record of it equals the committed lockfile, less the optional packages
# built for other systems (esbuild's binaries), which npm leaves out.
if [ -f node_modules/.package-lock.json ] && node -e '
  const a = require("./package-lock.json").packages, b = require("./node_modules/.package-lock.json").packages;
  const fits = (list, value) => !list || list.includes(value) || (list.every((x) => x.startsWith("!")) && !list.includes("!" + value));
  const here = (p) => !p.optional || (fits(p.os, process.platform) && fits(p.cpu, process.arch));
  const wanted = Object.fromEntries(Object.entries(a).filter(([k, p]) => k !== "" && here(p)));
  process.exit(JSON.stringify(wanted) === JSON.stringify(b) ? 0 : 1)' 2>/dev/null; then
  say "node packages: present"
else
  say "node packages: installing from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi

case "$(wasm-opt --version 2>/dev/null)" in
  *"($WASM_OPT_VERSION)"*) say "wasm-opt $WASM_OPT_VERSION: present (node_modules/.bin)" ;;
  *) fail "wasm-opt on PATH is '$(command -v wasm-opt)', not binaryen $WASM_OPT_VERSION from node_modules" ;;
esac

say "fetching crates (so builds can run offline)"
cargo fetch --locked --quiet
say "ready"
