# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, int(8, 2))
# CHECK: :[[@LINE-1]]:16: error: int(8, 2) is empty: the lower bound is above the upper bound
# CHECK-NEXT: {{^}}    h = dense(x, int(8, 2))
# CHECK-NEXT: {{^}}                 ^~~~~~~~~{{$}}
  h = dense(x, int(4))
# CHECK: :[[@LINE-1]]:16: error: int needs a lower and an upper bound
# CHECK-NEXT: {{^}}    h = dense(x, int(4))
# CHECK-NEXT: {{^}}                 ^~~~~~{{$}}
# CHECK-NEXT: hint: e.g. int(1, 4): 1, 2, 3 or 4
  h = dense(x, int(1, 4, step = 2))
# CHECK: :[[@LINE-1]]:26: error: int takes no named argument 'step'
  return dense(x, int(4, 4))
}
