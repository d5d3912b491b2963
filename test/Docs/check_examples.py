#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Runs `nasc check` (and, given nas-opt, `nasc emit-mlir`) on every ```nas block of a Markdown file.

Each block must be a complete file that checks without errors or warnings.
Prints one line per block and exits 1 if any fails.
"""
import re
import subprocess
import sys
import tempfile

doc, nasc = sys.argv[1], sys.argv[2]
nas_opt = sys.argv[3] if len(sys.argv) > 3 else None  # also check the emitted MLIR
text = open(doc, encoding="utf-8").read()
blocks = [(text.count("\n", 0, m.start()) + 2, m.group(1))
          for m in re.finditer(r"^```nas\n(.*?)^```", text, re.S | re.M)]
if not blocks:
    sys.exit(f"{doc}: no ```nas example found")
failed = 0
for line, body in blocks:
    with tempfile.NamedTemporaryFile("w", suffix=".nas") as f:
        f.write(body)
        f.flush()
        run = subprocess.run([nasc, "check", "--werror", "--verbose", f.name], capture_output=True, text=True)
        if run.returncode == 0 and nas_opt:
            emitted = subprocess.run([nasc, "emit-mlir", f.name], capture_output=True, text=True)
            verified = subprocess.run([nas_opt], input=emitted.stdout, capture_output=True, text=True)
            if emitted.returncode or verified.returncode:
                run = emitted if emitted.returncode else verified
    summary = run.stdout.splitlines()[0].split(": ", 1)[-1] if run.stdout else ""
    if run.returncode != 0:
        failed += 1
        print(f"FAIL {doc}:{line}\n{run.stderr}")
    else:
        print(f"ok {doc}:{line}: {summary}")
print(f"{len(blocks) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
