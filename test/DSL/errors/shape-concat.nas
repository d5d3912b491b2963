# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 3, 8, 8]) -> f32[N, 8, 8, 8] {
  a = conv2d(x, 4)
  b = conv2d(x, 4, stride = 2)
  h = concat(a, b)
# CHECK: :[[@LINE-1]]:7: error: concat of tensors whose dimension 2 differs: f32[N, 4, 8, 8] and f32[N, 4, 4, 4]
# CHECK-NEXT: {{^}}    h = concat(a, b)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~{{$}}
  h = concat(a, a, axis = 4)
# CHECK: :[[@LINE-1]]:7: error: concat axis 4 is outside a rank-4 tensor
# CHECK-NEXT: {{^}}    h = concat(a, a, axis = 4)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~~~~~~~~~~~{{$}}
  return concat(a, a)
}
