# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 1, 8, 8]) -> f32[N, 4, 8, 8] {
  return conv2d(x, 4, kernal = 3)
# CHECK: :[[@LINE-1]]:23: error: conv2d has no parameter 'kernal'
# CHECK-NEXT: {{^}}    return conv2d(x, 4, kernal = 3)
# CHECK-NEXT: {{^}}                        ^~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'kernel'?
}
