# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
block b(x, c: int) { return dense(x, c) }
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x)
# CHECK: :[[@LINE-1]]:7: error: dense needs argument 'units'
# CHECK-NEXT: {{^}}    h = dense(x)
# CHECK-NEXT: {{^}}        ^~~~~~~~{{$}}
# CHECK-NEXT: hint: e.g. dense(h, 128)
  h = b(x)
# CHECK: :[[@LINE-1]]:7: error: block 'b' needs argument 'c'
# CHECK-NEXT: {{^}}    h = b(x)
# CHECK-NEXT: {{^}}        ^~~~{{$}}
  h = add(x)
# CHECK: :[[@LINE-1]]:7: error: add needs at least two tensors
# CHECK-NEXT: {{^}}    h = add(x)
# CHECK-NEXT: {{^}}        ^~~~~~{{$}}
# CHECK-NEXT: hint: e.g. add(a, b)
  return b(x, 4)
}
