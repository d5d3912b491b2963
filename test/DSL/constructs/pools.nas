# maxpool and avgpool: stride defaults to the kernel, padding to 0.
# 32 -> 16 (2x2) -> 16 (3x3/1 pad 1) -> 7 (3x3/2) -> 2 (3x3/3) -> [N, 4].
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 4, 32, 32]) -> f32[N, 4] {
  h = maxpool(x)
  h = avgpool(h, kernel = 3, stride = 1, padding = 1)
  h = maxpool(h, kernel = 3, stride = 2)
  h = avgpool(h, 3)
  h = add(h, maxpool(maxpool(maxpool(maxpool(x)))))
  return global_avgpool(add(h, avgpool(x, kernel = 16, stride = 16)))
}
# CHECK: {{.*}}pools.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
