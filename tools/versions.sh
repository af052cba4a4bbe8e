# Every tool version the project pins, in one place. tools/bootstrap.sh installs exactly these and checks that
# Cargo.lock, Trunk.toml and package.json agree with them.
RUST_TARGET=wasm32-unknown-unknown
TRUNK_VERSION=0.21.14
# Must equal the wasm-bindgen crate in Cargo.lock and [tools] wasm_bindgen in Trunk.toml.
WASM_BINDGEN_VERSION=0.2.130
# wasm-opt comes from the npm package binaryen (package.json); Trunk.toml's [tools] wasm_opt names it.
BINARYEN_NPM_VERSION=132.0.0
WASM_OPT_VERSION=version_132
PLAYWRIGHT_VERSION=1.65.1
# Minifies the build's JS and CSS (tools/finish-build.mjs, run by Trunk's post_build hook).
ESBUILD_VERSION=0.28.2
# Lighthouse 13 needs Node 22; 12.2.3 runs on Node 20 (the quality gate in tests/e2e/lighthouse.spec.js).
LIGHTHOUSE_VERSION=12.2.3
# Debian packages for the browser tests.
APT_PACKAGES="chromium chromium-driver"
