# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 1, 4, 4]) -> f32[N, 8, 1, 1] {
  h = maxpool(maxpool(maxpool(x)))
# CHECK: :[[@LINE-1]]:7: error: maxpool: a 2x2 window does not fit the 1-pixel input f32[N, 1, 1, 1]
# CHECK-NEXT: {{^}}    h = maxpool(maxpool(maxpool(x)))
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: reduce the kernel or the number of downsampling steps before it
  return conv2d(x, 8, kernel = 5, padding = valid)
# CHECK: :[[@LINE-1]]:10: error: conv2d: a 5x5 window does not fit the 4-pixel input f32[N, 1, 4, 4]
# CHECK-NEXT: {{^}}    return conv2d(x, 8, kernel = 5, padding = valid)
# CHECK-NEXT: {{^}}           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: reduce the kernel or the number of downsampling steps before it
}
