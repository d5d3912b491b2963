#!/usr/bin/env bash
#===- test.sh - Build nasc and run every test (lit + GoogleTest) -----------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" "$root/build"
# The static build's promise: nasc and nas-opt run without Debian's LLVM.
if [ ! -f "$root/build-static/build.ninja" ]; then
  cmake -G Ninja -S "$root" -B "$root/build-static" -DNASC_STATIC_LLVM=ON >/dev/null
fi
ninja -C "$root/build-static" nasc nas-opt
ctest --test-dir "$root/build-static" -R static-link --output-on-failure
# Everything else, in one ctest run (lit + GoogleTest + the rest).
ctest --test-dir "$root/build" --output-on-failure
