# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
# CHECK: :[[@LINE+7]]:10: error: the model returns f32[N, 5] but declares f32[N, 4]
# CHECK-NEXT: {{^}}    return dense(h, 5)
# CHECK-NEXT: {{^}}           ^~~~~~~~~~~{{$}}
# CHECK-NEXT: shape-model-returns.nas:[[@LINE-4]]:26: note: the output type is declared here
# CHECK-NEXT: {{^}}  model m(x: f32[N, 8]) -> f32[N, 4] {
# CHECK-NEXT: {{^}}                           ^~~~~~~~~{{$}}
  h = relu(x)
  return dense(h, 5)
}
