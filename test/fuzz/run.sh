#!/usr/bin/env bash
# Builds the front-end fuzzer with clang and runs it.
# Usage: test/fuzz/run.sh [SECONDS] (default 600)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build-fuzz
seconds=${1:-600}
CXX=clang++ CC=clang cmake -G Ninja -S "$root" -B "$build" -DNASC_ENABLE_FUZZER=ON -DNASC_ENABLE_MLIR=OFF \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" nasc-fuzz-frontend
corpus=$root/test/fuzz/corpus-run
mkdir -p "$corpus"
seeds=$(mktemp -d)
find "$root/examples" "$root/test/DSL" "$root/test/fuzz/regressions" -name '*.nas' -exec cp {} "$seeds/" \; 2>/dev/null || true
cd "$build"
"$build/bin/nasc-fuzz-frontend" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1
