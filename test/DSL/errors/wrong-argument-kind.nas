# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# The error marks the argument, not the whole call.
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4.5)
# CHECK: :[[@LINE-1]]:16: error: argument 'units' of dense must be an integer, not a number
# CHECK-NEXT: {{^}}    h = dense(x, 4.5)
# CHECK-NEXT: {{^}}                 ^~~{{$}}
  h = dense(x, 4, bias = 1)
# CHECK: :[[@LINE-1]]:26: error: argument 'bias' of dense must be true or false, not an integer
# CHECK-NEXT: {{^}}    h = dense(x, 4, bias = 1)
# CHECK-NEXT: {{^}}                           ^{{$}}
  h = dense(4, 4)
# CHECK: :[[@LINE-1]]:13: error: argument 'x' of dense must be a tensor, not an integer
  h = conv2d(relu, 4)
# CHECK: :[[@LINE-1]]:14: error: argument 'x' of conv2d must be a tensor, not an op or block
# CHECK-NEXT: {{^}}    h = conv2d(relu, 4)
# CHECK-NEXT: {{^}}               ^~~~{{$}}
  return dense(x, 4)
}
