#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""fashion_subset.py SRC DIR TRAIN TEST: the first TRAIN training and TEST
test images of the Fashion-MNIST IDX files in SRC, written to DIR."""
import gzip, os, struct, sys

src, out, counts = sys.argv[1], sys.argv[2], {'train': int(sys.argv[3]), 't10k': int(sys.argv[4])}
os.makedirs(out, exist_ok=True)
for prefix, n in counts.items():
    for kind, header, size in (('images-idx3-ubyte', '>IIII', 784), ('labels-idx1-ubyte', '>II', 1)):
        with gzip.open(os.path.join(src, '%s-%s.gz' % (prefix, kind))) as f:
            data = f.read()
        fields = list(struct.unpack(header, data[:struct.calcsize(header)]))
        fields[1] = n
        body = data[struct.calcsize(header):struct.calcsize(header) + n * size]
        with open(os.path.join(out, '%s-%s' % (prefix, kind)), 'wb') as f:
            f.write(struct.pack(header, *fields) + body)
