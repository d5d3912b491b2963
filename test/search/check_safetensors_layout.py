#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""check_safetensors_layout.py FILE NAME...: checks FILE against the
safetensors spec byte by byte (u64 little-endian header size, a JSON header
padded with spaces to 8 bytes, F32 tensors whose offsets tile the buffer
in order, sizes equal to their shapes) without the safetensors package, and
that it holds exactly the tensors NAME...; prints one line per tensor."""
import json, struct, sys

path, names = sys.argv[1], sys.argv[2:]
data = open(path, 'rb').read()
n = struct.unpack('<Q', data[:8])[0]
assert (8 + n) % 8 == 0, 'header not padded to 8 bytes'
header = json.loads(data[8:8 + n].decode('utf-8'))
meta = header.pop('__metadata__', {})
buffer = len(data) - 8 - n
spans = sorted((v['data_offsets'][0], v['data_offsets'][1], k) for k, v in header.items())
at = 0
for begin, end, name in spans:
    t = header[name]
    count = 1
    for d in t['shape']:
        count *= d
    assert t['dtype'] == 'F32', name
    assert begin == at and end - begin == 4 * count, '%s: offsets %d..%d' % (name, begin, end)
    at = end
assert at == buffer, 'the buffer has %d bytes, the tensors %d' % (buffer, at)
assert sorted(header) == sorted(names), 'tensors %s, expected %s' % (sorted(header), sorted(names))
for name in sorted(header):
    print(name, header[name]['shape'])
print('metadata:', ' '.join(sorted(meta)))
