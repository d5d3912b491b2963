# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 3, 8, 8]) -> f32[N, 4, 8, 8] {
  h = conv2d(x, 6, groups = 3)
  h = conv2d(x, 4, groups = 3)
# CHECK: :[[@LINE-1]]:7: error: conv2d: 4 output channels do not split into 3 groups
  return conv2d(x, 4, groups = 2)
# CHECK: :[[@LINE-1]]:10: error: conv2d: 3 input channels do not split into 2 groups
# CHECK-NEXT: {{^}}    return conv2d(x, 4, groups = 2)
# CHECK-NEXT: {{^}}           ^~~~~~~~~~~~~~~~~~~~~~~~{{$}}
}
