#!/usr/bin/env bash
#===- run.sh - The main job: build nasc, then search a space on the CPU ----===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Checks every example, then searches examples/fashion_mlp.nas on
# Fashion-MNIST with the built-in CPU trainer for five minutes (up to 1000
# trials; the file asks for 50, which take well under a minute here):
# progress, the leaderboard, the best test accuracy, the study
# (runs/fashion_mlp.study; run again to resume it, delete it to start over)
# and the exported best model (runs/best: DNA, MLIR, layers, safetensors).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" "$root/build"
nasc="$root/build/bin/nasc"
for f in "$root"/examples/*.nas; do
  "$nasc" check "$f"
done
mkdir -p "$root/runs"
"$nasc" search "$root/examples/fashion_mlp.nas" --trials 1000 --budget 5m \
  --study "$root/runs/fashion_mlp.study" --export "$root/runs/best"
