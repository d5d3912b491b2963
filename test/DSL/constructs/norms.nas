# batchnorm on [N, C] and [N, C, H, W]; layernorm on any rank.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 3, 8, 8]) -> f32[N, 5] {
  h = batchnorm(x)
  h = batchnorm(h, momentum = 0.01, eps = 0.001)
  h = layernorm(h, eps = 1e-6)
  g = global_avgpool(h)
  g = batchnorm(g, 0.5)
  g = layernorm(g)
  return dense(g, 5)
}
# CHECK: {{.*}}norms.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
