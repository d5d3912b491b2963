# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
let w = 4
# CHECK: :[[@LINE-1]]:1: error: expected 'model', 'block', 'train' or 'search' at the top level, found 'let'
# CHECK-NEXT: {{^}}  let w = 4
# CHECK-NEXT: {{^}}  ^~~{{$}}
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)
}
