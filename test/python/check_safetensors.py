#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Checks nasc's safetensors writer against the reference implementation.

Usage: check_safetensors.py NASC_UNIT_TESTS [FILE...]

Runs the unit test SafeTensors.RoundTripThroughAFile with
NASC_SAFETENSORS_CHECK_OUT set, so that nasc writes a file with tensors of
several dtypes (I64, F64, F32, I32, F16, BOOL, an empty one, a scalar) and a
metadata entry with non-ASCII text, quotes and a newline. Then, with the
official `safetensors` package (and PyTorch):
  - the file loads, with the expected shapes, dtypes, values and metadata;
  - the official writer, given the same tensors and metadata, writes the very
    same bytes.
With FILE..., checks that each file loads and that the official writer
writes the same bytes for its contents (but for the order of the metadata
entries when there are several: the reference writes them in hash order).

Needs: pip install safetensors, and PyTorch (Debian's python3-torch).
Prints 'N passed, 0 failed' and exits 0 on success.
"""
import json
import os
import struct
import subprocess
import sys
import tempfile

import torch
from safetensors import safe_open
from safetensors.torch import save

checks = []


def check(what, ok):
    checks.append((what, bool(ok)))
    print(('ok   ' if ok else 'FAIL ') + what)


def load(path):
    with safe_open(path, framework='pt') as f:
        metadata = f.metadata() or {}
        tensors = {name: f.get_tensor(name) for name in f.keys()}
    return tensors, metadata


def split(data):
    n = struct.unpack('<Q', data[:8])[0]
    header = json.loads(data[8:8 + n])
    metadata = header.pop('__metadata__', None)
    return list(header.items()), metadata, data[8 + n:]


def resaves_identically(path):
    tensors, metadata = load(path)
    with open(path, 'rb') as f:
        ours = f.read()
    theirs = save(tensors, metadata=metadata or None)
    name = os.path.basename(path)
    if len(metadata) <= 1:
        check(f'{name}: the reference writer writes the same {len(ours)} bytes', ours == theirs)
    else:
        # The reference writes several metadata entries in hash order: all
        # but their order must be the same.
        check(f'{name}: the reference writer writes the same {len(ours)} bytes but for the order of the metadata',
              len(ours) == len(theirs) and split(ours) == split(theirs))
    return tensors, metadata


def check_sample(binary):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'nasc.safetensors')
        env = dict(os.environ, NASC_SAFETENSORS_CHECK_OUT=path)
        run = subprocess.run([binary, '--gtest_filter=SafeTensors.RoundTripThroughAFile'], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check('the unit test wrote the file', run.returncode == 0 and os.path.exists(path))
        if not os.path.exists(path):
            print(run.stdout)
            return
        tensors, metadata = resaves_identically(path)
    expected = {
        'layer.weight': (torch.float32, [2, 3], [1, -2, 3.5, 0, 1e-30, -0.0]),
        'labels': (torch.int32, [4], [0, -1, 7, 2147483647]),
        'step': (torch.int64, [], [5]),
        'mean': (torch.float64, [1], [1.0]),
        'half': (torch.float16, [3], [1.0, 2.0, -2.0]),
        'mask': (torch.bool, [2, 1], [True, False]),
        'empty': (torch.float32, [0, 4], []),
    }
    check('the tensors are ' + ', '.join(sorted(expected)), sorted(tensors) == sorted(expected))
    for name, (dtype, shape, values) in expected.items():
        t = tensors.get(name)
        ok = (t is not None and t.dtype == dtype and list(t.shape) == shape and
              t.flatten().tolist() == [torch.tensor(v, dtype=dtype).item() for v in values])
        check(f'{name}: {dtype} {shape} {values}', ok)
    check('the metadata', metadata == {'note': 'ünïcode "quoted"\n'})


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    check_sample(sys.argv[1])
    for path in sys.argv[2:]:
        resaves_identically(path)
    failed = sum(not ok for _, ok in checks)
    print(f'{len(checks) - failed} passed, {failed} failed')
    sys.exit(1 if failed else 0)


if __name__ == '__main__':
    main()
