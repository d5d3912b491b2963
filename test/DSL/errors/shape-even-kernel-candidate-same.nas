# A decided kernel with same padding: every candidate must be odd, or nasc
# check would pass a space whose candidates fail to materialize.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 1, 8, 8]) -> f32[N, 8, 8, 8] {
  h = conv2d(x, 8, kernel = oneof(3, 7), padding = same)
  h = conv2d(h, 8, kernel = oneof(4, 7), padding = valid)
  return conv2d(x, 8, kernel = oneof(3, 4, 7))
# CHECK: :[[@LINE-1]]:32: error: padding = same needs an odd kernel, but 'm.oneof3' may be 4
# CHECK-NEXT: {{^}}    return conv2d(x, 8, kernel = oneof(3, 4, 7))
# CHECK-NEXT: {{^}}                                 ^~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: choose among odd kernels, or give a padding
}
