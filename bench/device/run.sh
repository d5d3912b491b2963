#!/usr/bin/env bash
#===- run.sh - The GPU check and benchmark, on the GPU machine -------------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Usage (from the repository root, after bench/device/prepare.sh here):
#   device run, carry [".device"]: bash bench/device/run.sh
# 1. correctness: one training step of W1 and W2 on the GPU against the CPU
#    path's (every parameter within 1e-4), and the test accuracy after 2
#    epochs against the CPU's (within 0.5 points);
# 2. speed, in the same run: nasc's steady-state steps and a 2-epoch run
#    against PyTorch eager and with --cuda-graph (torch_reference.py);
# then a summary. Everything it prints is also kept in $OUT when set.
set -uo pipefail
d=.device
log=${OUT:-/tmp}/device-run.txt
chmod +x $d/nasc-cuda-run
# cuBLAS and cuDNN may live only in PyTorch's pip packages; OpenBLAS may be
# missing (a stand-in then: the GPU path calls none of it).
extra=$(python3 -c 'import nvidia, glob, os; print(":".join(sorted({os.path.dirname(p) for r in nvidia.__path__ for p in glob.glob(r + "/**/lib*.so*", recursive=True)})))' 2>/dev/null)
export LD_LIBRARY_PATH=${extra:+$extra:}/usr/local/cuda/lib64:${LD_LIBRARY_PATH:-}
ldd $d/nasc-cuda-run | grep -q "libopenblas.so.0 => not found" && export LD_LIBRARY_PATH=$PWD/$d/stub:$LD_LIBRARY_PATH
{
nvidia-smi -L
ldd $d/nasc-cuda-run | grep -E "not found|openblas" || true
status=0
for w in w1 w2; do
  echo "== $w: one step against the CPU path"
  $d/nasc-cuda-run $d/$w --data $d/fashion --step-check $d/$w.ref.safetensors || status=1
  echo "== $w: 2 epochs"
  $d/nasc-cuda-run $d/$w --data $d/fashion --epochs 2 --seed 0 | tee $d/$w.gpu.json || status=1
  python3 - "$d/$w.cpu.json" "$d/$w.gpu.json" <<'PY' || status=1
import json, sys
cpu, gpu = (json.loads(open(p).read().strip().splitlines()[-1]) for p in sys.argv[1:])
gap = abs(cpu["test_accuracy"] - gpu["test_accuracy"])
print(f"test accuracy: CPU {cpu['test_accuracy']:.4f}, GPU {gpu['test_accuracy']:.4f}: "
      f"{'within' if gap <= 0.005 else 'NOT within'} 0.5 points")
sys.exit(0 if gap <= 0.005 else 1)
PY
  echo "== $w: steady-state steps, CUDA graph then eager"
  $d/nasc-cuda-run $d/$w --data $d/fashion --time-steps 500
  NASC_CUDA_GRAPHS=0 $d/nasc-cuda-run $d/$w --data $d/fashion --time-steps 500
done
echo "== PyTorch, same run: eager, then the step in a CUDA graph"
if [ -f $d/torch_reference.py ]; then
  python3 $d/torch_reference.py --device cuda --data $d/fashion --epochs 2
  python3 $d/torch_reference.py --device cuda --data $d/fashion --epochs 2 --cuda-graph
else
  echo "run: no torch_reference.py prepared (no ../shared beside the repository): PyTorch peer skipped"
fi
echo "== correctness: $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
} 2>&1 | tee "$log"
exit "${PIPESTATUS[0]}"
