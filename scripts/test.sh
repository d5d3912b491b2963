#!/usr/bin/env bash
#===- test.sh - Build nasc and run every test (lit + GoogleTest) -----------===#
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" "$root/build"
ctest --test-dir "$root/build" --output-on-failure
