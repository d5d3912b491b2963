#!/usr/bin/env bash
#===- setup.sh - Install every Debian package nasc needs -------------------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Idempotent: when every package is already installed it only runs dpkg-query
# (well under a second) and exits. Run as root on Debian 12 (bookworm); MLIR 22
# comes from the bookworm-security suite that apt already lists.
#
#===------------------------------------------------------------------------===#
set -euo pipefail

PACKAGES=(
  # Build tools.
  cmake ninja-build ccache g++ clang python3 git pkgconf
  # MLIR/LLVM 22 (headers, CMake packages, lit/FileCheck, mlir-tblgen).
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools
  # Libraries the compiler, runtime and search link.
  libfmt-dev libcli11-dev libgtest-dev libsqlite3-dev zlib1g-dev libzstd-dev nlohmann-json3-dev
  libopenblas-dev
  # Real data for the examples and end-to-end tests.
  dataset-fashion-mnist
)

missing=()
for p in "${PACKAGES[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$p" 2>/dev/null || true)
  [[ "$status" == ii* ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup: done" >&2
