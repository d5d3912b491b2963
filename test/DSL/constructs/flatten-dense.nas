# flatten keeps the batch dimension and multiplies the rest; dense maps
# [N, K] to [N, units], with or without bias.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 2, 3, 4]) -> f32[N, 10] {
  h = add(flatten(x), dense(flatten(x), 24, bias = false))
  h = add(h, flatten(flatten(h)))
  return dense(h, units = 10, bias = true)
}
# CHECK: {{.*}}flatten-dense.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
