# 'name = expr' rebinds; an assignment inside a body to an outer name is
# visible after it (the declared output [N, 3] holds only if it is).
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 8]) -> f32[N, 3] {
  h = dense(x, 16)
  h = relu(h)
  repeat 1 {
    t = dense(h, 5)
    h = dense(t, 3)
  }
  for w in [3] { h = dense(h, w) }
  return h
}
# CHECK: {{.*}}assign.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
