# add of several tensors or a list; concat along the channels by default,
# or along another axis.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 4, 8, 8]) -> f32[N, 16, 16, 8] {
  a = conv2d(x, 4)
  b = add(x, a, relu(a))
  c = concat(a, b, conv2d(x, 8))
  d = add([c, c])
  e = concat([a, a, a, a])
  return concat([add(c, e), d], axis = 2)
}
# CHECK: {{.*}}add-concat.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
