# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = x(4)
# CHECK: :[[@LINE-1]]:7: error: this is a tensor, not an op or block to call
# CHECK-NEXT: {{^}}    h = x(4)
# CHECK-NEXT: {{^}}        ^{{$}}
  h = x + 1
# CHECK: :[[@LINE-1]]:7: error: '+' needs numbers, not a tensor
# CHECK-NEXT: {{^}}    h = x + 1
# CHECK-NEXT: {{^}}        ^~~~~{{$}}
# CHECK-NEXT: hint: to add tensors use add(a, b)
  return dense(x, 4)
}
