#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""Writes small IDX files for the nasc train error tests.

make_idx.py DIR PREFIX COUNT ROWS COLS [--image-magic M] [--image-bytes B] [--no-labels]
writes DIR/PREFIX-images-idx3-ubyte (COUNT images of ROWS x COLS, all zero,
or B bytes of pixels) and DIR/PREFIX-labels-idx1-ubyte (labels i % 4).
"""
import argparse, os, struct

p = argparse.ArgumentParser()
p.add_argument('dir'); p.add_argument('prefix')
p.add_argument('count', type=int); p.add_argument('rows', type=int); p.add_argument('cols', type=int)
p.add_argument('--image-magic', type=lambda s: int(s, 0), default=0x803)
p.add_argument('--image-bytes', type=int)
p.add_argument('--no-labels', action='store_true')
a = p.parse_args()
pixels = a.count * a.rows * a.cols if a.image_bytes is None else a.image_bytes
with open(os.path.join(a.dir, a.prefix + '-images-idx3-ubyte'), 'wb') as f:
    f.write(struct.pack('>IIII', a.image_magic, a.count, a.rows, a.cols) + bytes(pixels))
if not a.no_labels:
    with open(os.path.join(a.dir, a.prefix + '-labels-idx1-ubyte'), 'wb') as f:
        f.write(struct.pack('>II', 0x801, a.count) + bytes(i % 4 for i in range(a.count)))
