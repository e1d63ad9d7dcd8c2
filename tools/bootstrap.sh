#!/usr/bin/env bash
# Installs what the build and the tests need, when it is missing. Idempotent and quiet
# when everything is there. Usage: tools/bootstrap.sh [build|test]
#   build: Rust target, wasm-pack, wasm-bindgen-cli, npm packages
#   test:  the same plus Chromium and ChromeDriver for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
missing=()

say() { printf '[bootstrap] %s\n' "$*" >&2; }

need_cmd() { command -v "$1" >/dev/null 2>&1; }

if ! need_cmd cargo; then
  say "Rust is missing: install it with rustup (https://rustup.rs), then run make again."
  exit 1
fi

if need_cmd rustup && ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown >&2
fi

# wasm-bindgen-cli must match the wasm-bindgen version in Cargo.lock exactly; installing it
# ourselves spares wasm-pack a download that this network refuses.
bindgen_version=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! need_cmd wasm-bindgen || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version (a few minutes, once)"
  cargo install --quiet wasm-bindgen-cli --version "$bindgen_version" --force >&2 \
    || cargo install --quiet wasm-bindgen-cli --version "$bindgen_version" --force --locked >&2
fi
if ! need_cmd wasm-pack; then
  say "installing wasm-pack (a few minutes, once)"
  cargo install --quiet wasm-pack >&2 || cargo install --quiet wasm-pack --locked >&2
fi

if ! need_cmd node || ! need_cmd npm; then
  missing+=(nodejs npm)
fi

apt_install() {
  if [ "$(id -u)" = 0 ] && need_cmd apt-get; then
    say "installing $* with apt-get"
    if [ ! -f /tmp/.report-analyzer-apt-updated ]; then
      apt-get update -qq >&2 && touch /tmp/.report-analyzer-apt-updated
    fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
  else
    missing+=("$@")
  fi
}

if [ "$what" = test ]; then
  pkgs=()
  need_cmd chromium || pkgs+=(chromium)
  need_cmd chromedriver || pkgs+=(chromium-driver)
  [ ${#pkgs[@]} -eq 0 ] || apt_install "${pkgs[@]}"
fi
if ! need_cmd node || ! need_cmd npm; then
  apt_install nodejs npm
fi

if [ ${#missing[@]} -gt 0 ]; then
  say "please install: ${missing[*]} (Debian: sudo apt-get install ${missing[*]}), then run make again"
  exit 1
fi

# JS dev tools pinned in package-lock.json (playwright-core, echarts, jieba-wasm for the benchmark).
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
