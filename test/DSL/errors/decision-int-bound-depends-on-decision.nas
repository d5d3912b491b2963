# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let lo = int(1, 4)
  h = dense(x, int(lo, 8))
# CHECK: :[[@LINE-1]]:20: error: the lower bound of int must be a constant, but it depends on a decision
# CHECK-NEXT: {{^}}    h = dense(x, int(lo, 8))
# CHECK-NEXT: {{^}}                     ^~{{$}}
# CHECK-NEXT: hint: a decision cannot bound or size another decision; list the values with oneof(...)
  h = dense(x, int(1, lo * 2))
# CHECK: :[[@LINE-1]]:23: error: the upper bound of int must be a constant, but it depends on a decision
# CHECK-NEXT: {{^}}    h = dense(x, int(1, lo * 2))
# CHECK-NEXT: {{^}}                        ^~~~~~{{$}}
  return dense(h, 4)
}
