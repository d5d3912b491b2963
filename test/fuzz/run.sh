#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Builds the fuzzers with clang and runs one.
# Usage: test/fuzz/run.sh [SECONDS] [frontend|data|dna|safetensors|table|plan] (default: 600 s, frontend)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build-fuzz
seconds=${1:-600}
target=${2:-frontend}
CXX=clang++ CC=clang cmake -G Ninja -S "$root" -B "$build" -DNASC_ENABLE_FUZZER=ON -DNASC_ENABLE_MLIR=OFF \
  -DBUILD_TESTING=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C "$build" "nasc-fuzz-$target"
corpus=$root/test/fuzz/corpus-run/$target
mkdir -p "$corpus"
seeds=$(mktemp -d)
if [ "$target" = frontend ]; then
  find "$root/examples" "$root/test/DSL" "$root/test/fuzz/regressions" -name '*.nas' -exec cp {} "$seeds/" \; 2>/dev/null || true
elif [ "$target" = dna ]; then
  printf '%s' '{"m.oneof": 0, "m.oneof[0].wide.oneof": 1, "m.repeat": 2, "m.repeat[0].oneof": 2, "m.repeat[1].oneof": 0, "m.manyof": [0, 2], "m.floatv": 0.2}' > "$seeds/dna.json"
  printf '%s' '{"m.oneof": "tanh", "m.repeat": 0, "m.manyof": [1, 1], "m.floatv": 0.5}' > "$seeds/labels.json"
elif [ "$target" = table ]; then
  printf '%s' 'w{width}-{m.optional}/{repeat[0].oneof}
key,acc,ms
w16-false/relu,0.5,1
"w32-true/tanh",0.75,' > "$seeds/table"
  printf '%s' '{{x}}}}{m.int}
key,"a ""quoted"" column"
1,2
' > "$seeds/braces"
elif [ "$target" = plan ]; then
  # Real plans of W1 and W2 (nasc compile --device cuda), when built.
  for w in w1 w2; do
    "$root/build/bin/nasc" compile "$root/bench/workloads/$w.nas" --device cuda --batch 8 -o "$seeds/$w" >/dev/null 2>&1 &&
      mv "$seeds/$w/plan.json" "$seeds/$w.json" && rm -rf "${seeds:?}/$w" || true
  done
  printf '%s' '{"format":"nasc-cuda-plan","version":1,"batch":2,"arena_bytes":64,"slots":[],"train_step":[{"kind":"launch","kernel":"k","threads":"n*3","args":["@8","#2","n"]}],"infer":[{"kind":"gemm","transa":"T","transb":"N","m":"#2","n":"n","k":"#4","a":"@0","lda":"#4","b":"@16","ldb":"#4","c":"@32","ldc":"#2"}]}' > "$seeds/small.json"
elif [ "$target" = safetensors ]; then
  # Small files laid out as the reference writer lays them out.
  python3 - "$seeds" <<'PY'
import json, struct, sys
d = sys.argv[1]
def write(name, tensors, metadata=None):
    header, data = {}, b''
    if metadata:
        header['__metadata__'] = metadata
    for tname, dtype, shape, raw in tensors:
        header[tname] = {'dtype': dtype, 'shape': shape, 'data_offsets': [len(data), len(data) + len(raw)]}
        data += raw
    text = json.dumps(header, separators=(',', ':')).encode()
    text += b' ' * ((8 - len(text) % 8) % 8)
    open(d + '/' + name, 'wb').write(struct.pack('<Q', len(text)) + text + data)
write('empty', [])
write('metadata', [], {'format': 'pt'})
write('mixed', [('n', 'I64', [], struct.pack('<q', 5)), ('a', 'F32', [1], struct.pack('<f', 0.5)),
                ('w', 'F32', [2], struct.pack('<2f', 1, -2)), ('m', 'U8', [3], bytes([1, 2, 3]))], {'format': 'pt'})
write('shapes', [('x', 'F64', [2, 1, 2], struct.pack('<4d', 1, 2, 3, 4)), ('z', 'F32', [0, 3], b''),
                 ('h', 'BF16', [2], bytes(4)), ('f4', 'F4', [4], bytes(2)), ('b', 'BOOL', [1], b'\x01')])
PY
else
  # A small real IDX pair and a CSV file.
  python3 - "$seeds" <<'PY'
import struct, sys
d = sys.argv[1]
images = struct.pack(">IIII", 0x803, 2, 2, 2) + bytes(range(8))
labels = struct.pack(">II", 0x801, 2) + bytes([1, 2])
whole = images + labels
open(d + "/idx", "wb").write(bytes([0, 255 * len(images) // len(whole)]) + whole)
open(d + "/csv", "wb").write(b"\x01label,a,b,c,d\n1,0,255,3,4\n0,1,2,3,4\n")
PY
fi
cd "$build"
# The checker stops a space at 1,000,000 elaboration steps, which take about
# 14 s under the sanitizers (test/fuzz/regressions/slow-deep-repeats.nas):
# a unit is slow only beyond that.
"$build/bin/nasc-fuzz-$target" "$corpus" "$seeds" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 \
  -max_len=4096 -print_final_stats=1
