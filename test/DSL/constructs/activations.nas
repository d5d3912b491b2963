# The shape-preserving ops.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 6]) -> f32[N, 6] {
  h = relu(x)
  h = gelu(h)
  h = tanh(h)
  h = sigmoid(h)
  h = silu(h)
  h = identity(h)
  h = dropout(h)
  h = dropout(h, rate = 0)
  h = dropout(h, 1)
  return add(h, zero(x))
}
# CHECK: {{.*}}activations.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
