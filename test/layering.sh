#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# search/, runtime/ and dsl/ must stay free of MLIR and LLVM: no such include
# in their sources, and they are compiled without MLIR's include paths, so
# that an `#include "mlir/..."` there cannot even compile.
set -euo pipefail
src=$1 build=$2
status=0
for dir in search runtime dsl; do
  if grep -rnE '#\s*include\s*[<"](mlir|llvm)/' "$src/$dir"; then
    echo "layering: $dir/ includes an MLIR or LLVM header" >&2
    status=1
  fi
done
# The nasc tool is a client of the embedding API: no MLIR header either.
if grep -rnE '#\s*include\s*[<"](mlir|llvm)/' "$src/compiler/tools/nasc" "$src/compiler/include/nas/Compiler/Compiler.h"; then
  echo "layering: nasc or the public API header includes an MLIR or LLVM header" >&2
  status=1
fi
# The front end links the space side of search/ only: no SQLite (studies).
links=$build/test/nascDSL.links
if ! grep -qx nascSpace "$links"; then
  echo "layering: $links does not list nascSpace; is it nascDSL's link closure?" >&2
  status=1
elif grep -i sqlite "$links"; then
  echo "layering: nascDSL links SQLite (through nascSearch?); it may link nascSpace only" >&2
  status=1
fi
python3 - "$src" "$build/compile_commands.json" <<'PY' || status=1
import json, sys
src, db = sys.argv[1], sys.argv[2]
bad, seen = [], 0
for entry in json.load(open(db)):
    f = entry["file"]
    if any(f.startswith(f"{src}/{d}/") for d in ("search", "runtime", "dsl")):
        seen += 1
        if "llvm-22" in entry["command"] or "mlir" in entry["command"].lower():
            bad.append(f)
if seen == 0:
    sys.exit("layering: no source of search/, runtime/ or dsl/ in compile_commands.json")
for f in bad:
    print(f"layering: {f} is compiled with MLIR/LLVM include paths", file=sys.stderr)
sys.exit(1 if bad else 0)
PY
[ $status -eq 0 ] && echo "layering: search/, runtime/, dsl/, the API header and nasc are free of MLIR and LLVM; dsl/ links no SQLite"
exit $status
