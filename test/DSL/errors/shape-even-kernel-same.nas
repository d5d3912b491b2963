# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 1, 8, 8]) -> f32[N, 8, 8, 8] {
  h = conv2d(x, 8, kernel = 4, padding = valid)
  return conv2d(x, 8, kernel = 4)
# CHECK: :[[@LINE-1]]:10: error: padding = same needs an odd kernel, got 4
# CHECK-NEXT: {{^}}    return conv2d(x, 8, kernel = 4)
# CHECK-NEXT: {{^}}           ^~~~~~~~~~~~~~~~~~~~~~~~{{$}}
}
