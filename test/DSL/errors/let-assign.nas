# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let w = oneof(4, 8)
  optional {
    w = 4
# CHECK: :[[@LINE-1]]:5: error: 'w' was bound by 'let' and cannot be reassigned
# CHECK-NEXT: {{^}}      w = 4
# CHECK-NEXT: {{^}}      ^{{$}}
# CHECK-NEXT: :[[@LINE-6]]:7: note: bound here
# CHECK-NEXT: {{^}}    let w = oneof(4, 8)
# CHECK-NEXT: {{^}}        ^{{$}}
  }
  for i in [1] { i = 2 }
# CHECK: :[[@LINE-1]]:18: error: 'i' was bound by 'let' and cannot be reassigned
# CHECK: :[[@LINE-2]]:7: note: bound here
  return dense(x, w)
}
