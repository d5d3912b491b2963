# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32) -> f32[N, 4] {
# CHECK: :[[@LINE-1]]:15: error: expected '[' and the dimensions after the element type 'f32', found ')'
# CHECK-NEXT: {{^}}  model m(x: f32) -> f32[N, 4] {
# CHECK-NEXT: {{^}}                ^{{$}}
# CHECK-NEXT: hint: a tensor type looks like f32[N, 1, 28, 28]
  return dense(x, 4)
}
