#!/usr/bin/env bash
#===- run.sh - The NAS-Bench-201 benchmark of the search algorithms --------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Usage: bench/nb201/run.sh [nasc-nb201 options: --seeds N --queries N ...]
# Builds nasc-nb201 if needed, runs it on examples/nasbench201.nas (the table
# in data/nb201), prints the figures, and keeps them in
# bench/results/nb201.txt beside each algorithm's picks (nb201-<algorithm>.txt)
# and the fronts of the two-objective run (nb201-pareto-*.txt).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build}
ninja -C "$build" nasc-nb201 >/dev/null
mkdir -p "$root/bench/results"
"$build/bin/nasc-nb201" --results "$root/bench/results" "$@" | tee "$root/bench/results/nb201.txt"
