#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Compiles every ```cpp and ```c block of a Markdown file (syntax and types
only) against the public headers, with no MLIR include path."""
import re
import subprocess
import sys
import tempfile

doc, cxx, cc, src = sys.argv[1:5]
text = open(doc, encoding="utf-8").read()
includes = ["-I" + src + d for d in ("/compiler/include", "/search/include", "/search/space/include", "/runtime/include", "/nas-c/include")]
failed = count = 0
for m in re.finditer(r"^```(cpp|c)\n(.*?)^```", text, re.S | re.M):
    count += 1
    lang, body = m.group(1), m.group(2)
    line = text.count("\n", 0, m.start()) + 2
    suffix, compiler, std = (".cpp", cxx, "-std=c++20") if lang == "cpp" else (".c", cc, "-std=c99")
    with tempfile.NamedTemporaryFile("w", suffix=suffix) as f:
        f.write(body)
        f.flush()
        run = subprocess.run([compiler, std, "-fsyntax-only", "-Wall", "-Werror", *includes, f.name],
                             capture_output=True, text=True)
    if run.returncode:
        failed += 1
        print(f"FAIL {doc}:{line}\n{run.stderr}")
    else:
        print(f"ok {doc}:{line} ({lang})")
print(f"{count - failed} passed, {failed} failed")
sys.exit(1 if failed or not count else 0)
