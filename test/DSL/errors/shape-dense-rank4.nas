# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  return dense(x, 10)
# CHECK: shape-dense-rank4.nas:[[@LINE-1]]:10: error: dense needs a rank-2 input, but gets f32[N, 1, 28, 28]
# CHECK-NEXT: {{^}}    return dense(x, 10)
# CHECK-NEXT: {{^}}           ^~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: flatten the input first: dense(flatten(x), ...)
}
