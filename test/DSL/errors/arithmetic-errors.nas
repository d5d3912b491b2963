# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4 / (2 - 2))
# CHECK: :[[@LINE-1]]:20: error: division by zero
# CHECK-NEXT: {{^}}    h = dense(x, 4 / (2 - 2))
# CHECK-NEXT: {{^}}                     ^~~~~~~{{$}}
  h = dense(x, 9223372036854775807 + 1)
# CHECK: :[[@LINE-1]]:16: error: integer overflow
# CHECK-NEXT: {{^}}    h = dense(x, 9223372036854775807 + 1)
# CHECK-NEXT: {{^}}                 ^~~~~~~~~~~~~~~~~~~~~~~{{$}}
  return dense(x, 4)
}
