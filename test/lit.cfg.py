# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# lit configuration of nasc's FileCheck tests.
import os
import subprocess

import lit.formats

config.name = "nasc"
# bash, so that RUN lines can check exit codes: (cmd; echo "exit=$?")
config.test_format = lit.formats.ShTest(execute_external=True)
config.suffixes = [".mlir", ".nas", ".test"]
config.excludes = ["Inputs", "CMakeLists.txt", "lit.cfg.py", "lit.site.cfg.py.in", "unit", "fuzz", "search", "fixtures", "python", "check_examples.py", "compile_examples.py", "c-api", "unchanged"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.nasc_obj_root, "test")

path = os.pathsep.join([config.nasc_tools_dir, config.llvm_tools_dir, config.environment.get("PATH", os.environ["PATH"])])
config.environment["PATH"] = path
config.environment["NO_COLOR"] = "1"
config.substitutions.append(("%examples", os.path.join(config.nasc_src_root, "examples")))
config.substitutions.append(("%docs", os.path.join(config.nasc_src_root, "docs")))
config.substitutions.append(("%nasc_obj_root", config.nasc_obj_root))
config.substitutions.append(("%nasc_src_root", config.nasc_src_root))

# GPU tests say `REQUIRES: cuda-device`; they show as unsupported on a
# machine without a usable CUDA device. nasc itself tells whether one works.
try:
    devices = subprocess.run([os.path.join(config.nasc_tools_dir, "nasc"), "devices"],
                             capture_output=True, text=True, timeout=60).stdout
    if "cuda:0:" in devices:
        config.available_features.add("cuda-device")
except (OSError, subprocess.SubprocessError):
    pass

# `REQUIRES: ptxas`: the CUDA toolkit's assembler checks the PTX nasc writes.
if os.path.exists("/usr/local/cuda/bin/ptxas"):
    config.available_features.add("ptxas")
    config.substitutions.append(("%ptxas", "/usr/local/cuda/bin/ptxas"))
