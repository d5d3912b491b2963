# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f64[N, 8], c: int) -> f32[N, 4] {
# CHECK: :[[@LINE-1]]:23: error: model input 'c' needs a tensor type
# CHECK-NEXT: {{^}}  model m(x: f64[N, 8], c: int) -> f32[N, 4] {
# CHECK-NEXT: {{^}}                        ^{{$}}
# CHECK-NEXT: hint: e.g. 'c: f32[N, 1, 28, 28]'
# CHECK: :[[@LINE-5]]:12: error: unknown element type 'f64'
# CHECK-NEXT: {{^}}  model m(x: f64[N, 8], c: int) -> f32[N, 4] {
# CHECK-NEXT: {{^}}             ^~~~~~~~~{{$}}
# CHECK-NEXT: hint: tensors hold f32
  return dense(x, 4)
}
block b(x: f32[N, 0], y, y) { return x }
# CHECK: :[[@LINE-1]]:26: error: parameter 'y' is declared twice
# CHECK-NEXT: {{^}}  block b(x: f32[N, 0], y, y) { return x }
# CHECK-NEXT: {{^}}                           ^{{$}}
# CHECK: :[[@LINE-4]]:19: error: a dimension must be positive
# CHECK-NEXT: {{^}}  block b(x: f32[N, 0], y, y) { return x }
# CHECK-NEXT: {{^}}                    ^{{$}}
# CHECK: :[[@LINE-7]]:7: warning: block 'b' is never used
