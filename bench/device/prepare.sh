#!/usr/bin/env bash
#===- prepare.sh - Get ready for the GPU check, on the build machine -------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Usage: bench/device/prepare.sh
# The GPU machine has no LLVM: everything it runs is made here, into .device/
# (ignored by git, carried to the GPU machine with `carry: [".device"]`):
#   nasc-cuda-run (the runtime alone, stripped), the W1 and W2 plans and PTX
#   (nasc compile --device cuda), the CPU path's first step of each
#   (nasc-cuda-reference), the CPU path's test accuracy after 2 epochs
#   (nasc train, seed 0), Fashion-MNIST, and torch_reference.py.
# Then run bench/device/run.sh there (see bench/README.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${BUILD:-$root/build}
out=$root/.device
ninja -C "$build" nasc nasc-cuda-run nasc-cuda-reference >/dev/null
rm -rf "$out" && mkdir -p "$out/fashion"
strip -o "$out/nasc-cuda-run" "$build/bin/nasc-cuda-run"
# nasc-cuda-run links OpenBLAS (the runtime's CPU kernels) but calls none of
# it on the GPU: a stand-in for a GPU machine without libopenblas.so.0
# (run.sh uses it only where the real one is missing).
mkdir -p "$out/stub"
printf 'void openblas_set_num_threads(int n) { (void)n; }\nvoid cblas_sgemm(void) { __builtin_trap(); }\n' |
  gcc -shared -fPIC -x c - -o "$out/stub/libopenblas.so.0"
cp /usr/share/datasets/fashion-mnist/*.gz "$out/fashion/"
# The PyTorch peer lives beside the repository (../shared), not in it: a
# clone without it prepares everything else and run.sh says what it skips.
if [ -f "$root/../shared/bench/torch_reference.py" ]; then
  cp "$root/../shared/bench/torch_reference.py" "$out/"
else
  echo "prepare: no ../shared/bench/torch_reference.py beside the repository; run.sh will skip the PyTorch peer" >&2
fi
for w in w1 w2; do
  "$build/bin/nasc" compile "$root/bench/workloads/$w.nas" --device cuda -o "$out/$w"
  "$build/bin/nasc-cuda-reference" "$root/bench/workloads/$w.nas" "$out/$w.ref.safetensors"
  "$build/bin/nasc" train "$root/bench/workloads/$w.nas" --epochs 2 --seed 0 --json > "$out/$w.cpu.json"
done
du -sh "$out"
