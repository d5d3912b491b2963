# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 2, 2, 2]) -> f32[N, 4] {
  a = dense(flatten(x), 4)
  b = dense(flatten(x), 5)
  h = add(a, b)
# CHECK: :[[@LINE-1]]:7: error: add of tensors with different shapes: f32[N, 4] and f32[N, 5]
# CHECK-NEXT: {{^}}    h = add(a, b)
# CHECK-NEXT: {{^}}        ^~~~~~~~~{{$}}
# CHECK-NEXT: hint: use a 1x1 conv2d or a dense layer to match them
  h = add(flatten(x), x)
# CHECK: :[[@LINE-1]]:7: error: add of tensors with different ranks: f32[N, 8] and f32[N, 2, 2, 2]
# CHECK-NEXT: {{^}}    h = add(flatten(x), x)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~~~~~~~{{$}}
  return a
}
