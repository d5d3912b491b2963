# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
block b(x, c: int) { return dense(x, c) }
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4, true, 5)
# CHECK: :[[@LINE-1]]:7: error: dense takes at most 3 arguments, but got 4
# CHECK-NEXT: {{^}}    h = dense(x, 4, true, 5)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~~~~~~~~~{{$}}
  h = b(x, 4, 5)
# CHECK: :[[@LINE-1]]:7: error: b takes at most 2 arguments, but got 3
  return b(x, 4)
}
