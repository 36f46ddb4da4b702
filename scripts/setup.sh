#!/usr/bin/env bash
# Installs the Debian packages dyad needs to build, test and run, skipping
# what is already installed. Uses sudo when not run as root.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config
  libsimdjson-dev libcli11-dev libfmt-dev
  libgtest-dev libgmock-dev googletest
  iso-codes python3
)
if [[ "${DYAD_SETUP_FUZZ:-0}" == 1 ]]; then
  PACKAGES+=(clang libclang-rt-dev)
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

SUDO=""
if [[ "$(id -u)" != 0 ]]; then
  SUDO="sudo"
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
