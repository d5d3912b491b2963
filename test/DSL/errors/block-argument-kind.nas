# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
block b(x, c: int, act: op = relu) { return act(dense(x, c)) }
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = b(x, 2.5)
# CHECK: :[[@LINE-1]]:12: error: argument 'c' of block 'b' must be an integer, not a number
# CHECK-NEXT: {{^}}    h = b(x, 2.5)
# CHECK-NEXT: {{^}}             ^~~{{$}}
  h = b(x, 4, act = 3)
# CHECK: :[[@LINE-1]]:21: error: argument 'act' of block 'b' must be an op or block, not an integer
# CHECK-NEXT: {{^}}    h = b(x, 4, act = 3)
# CHECK-NEXT: {{^}}                      ^{{$}}
  return b(x, 4)
}
