#!/usr/bin/env bash
# Prints the path of Debian's Chromium for the browser tests, installing the `chromium` package first if it is
# missing. Playwright drives this browser by its executable path: it never downloads one of its own.
set -euo pipefail

log() { echo "chromium: $*" >&2; }

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser; do
    if [[ -n "${candidate}" && -x "${candidate}" ]]; then echo "${candidate}"; return 0; fi
  done
  return 1
}

if path="$(find_chromium)"; then echo "${path}"; exit 0; fi

log "no Chromium found: installing Debian's chromium"
sudo=()
if [[ "$(id -u)" != 0 ]]; then
  command -v sudo >/dev/null 2>&1 || { log "not root and no sudo: install Debian's chromium by hand"; exit 1; }
  sudo=(sudo)
fi
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >&2
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2
path="$(find_chromium)" || { log "the chromium package installed, but no chromium executable was found"; exit 1; }
echo "${path}"
