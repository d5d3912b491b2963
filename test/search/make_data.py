#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""make_data.py DIR COUNT SIDE: a small learnable IDX dataset for the search
tests: 4 classes, each a bright quadrant of a SIDE x SIDE image plus noise;
COUNT training and COUNT/4 test images."""
import os, random, struct, sys

out, count, side = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
os.makedirs(out, exist_ok=True)
rng = random.Random(1)

def write(prefix, n):
    images, labels = bytearray(), bytearray()
    for i in range(n):
        label = i % 4
        for r in range(side):
            for c in range(side):
                quadrant = (r >= side // 2) * 2 + (c >= side // 2)
                images.append(min(255, (160 if quadrant == label else 0) + rng.randrange(96)))
        labels.append(label)
    with open(os.path.join(out, prefix + '-images-idx3-ubyte'), 'wb') as f:
        f.write(struct.pack('>IIII', 0x803, n, side, side) + bytes(images))
    with open(os.path.join(out, prefix + '-labels-idx1-ubyte'), 'wb') as f:
        f.write(struct.pack('>II', 0x801, n) + bytes(labels))

write('train', count)
write('t10k', max(4, count // 4))
