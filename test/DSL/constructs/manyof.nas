# manyof: ordered distinct (n!/(n-k)!), with repeats (n^k), sorted distinct
# (n choose k) and sorted with repeats ((n+k-1) choose k); 'for' runs over it.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  h = dense(x, 64)
  for act in manyof(2, relu, gelu, tanh, silu) { h = act(h) }
  for act in manyof(2, relu, gelu, tanh, distinct = false) { h = act(h) }
  for act in manyof(2, relu, gelu, tanh, sorted = true) { h = act(h) }
  for act in manyof(2, relu, gelu, tanh, distinct = false, sorted = true) { h = act(h) }
  return dense(h, 10)
}
# 12 * 9 * 3 * 6 = 1944
# CHECK: {{.*}}manyof.nas: model m, 4 decisions, 1944 candidates
# CHECK-NEXT: {{^}}m.manyof  manyof(2, relu, gelu, tanh, silu){{$}}
# CHECK-NEXT: {{^}}m.manyof2  manyof(2, relu, gelu, tanh) distinct=false sorted=false{{$}}
# CHECK-NEXT: {{^}}m.manyof3  manyof(2, relu, gelu, tanh) distinct=true sorted=true{{$}}
# CHECK-NEXT: {{^}}m.manyof4  manyof(2, relu, gelu, tanh) distinct=false sorted=true{{$}}
# CHECK-NOT: {{.}}
