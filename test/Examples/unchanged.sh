#!/usr/bin/env bash
#===- unchanged.sh - What nasc makes of every example, to compare -------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Usage: unchanged.sh NASC SOURCE_ROOT OUT_DIR
# Writes, for each example and benchmark workload, the space as MLIR (with
# locations), candidates materialized (the first DNA and two seeded random
# ones, as MLIR and as a layer table) and the first candidate's CUDA launch
# plan and PTX. test/Examples/unchanged.test compares them with the copies in
# test/Examples/unchanged/, made before the front end was restructured: a
# change to any of them has to be deliberate (rerun this script into that
# directory and say why in the commit).
set -euo pipefail
nasc=$1 src=$2 out=$3
mkdir -p "$out"
cd "$src"
for f in examples/*.nas bench/workloads/*.nas; do
  name=$(basename "$f" .nas)
  "$nasc" emit-mlir --locations "$f" > "$out/$name.space.mlir"
  for dna in first $("$nasc" sample --count 2 --seed 7 "$f" | tr -d ' '); do
    "$nasc" materialize "$f" --dna "$dna" --emit mlir
    "$nasc" materialize "$f" --dna "$dna" --emit summary
  done > "$out/$name.candidates.txt"
  "$nasc" compile "$f" --device cuda -o "$out/$name.cuda" > /dev/null
done
