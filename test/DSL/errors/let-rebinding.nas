# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let w = oneof(4, 8)
  let w = 4
# CHECK: :[[@LINE-1]]:7: error: 'w' is already defined
# CHECK-NEXT: {{^}}    let w = 4
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: hint: a 'let' binds once; choose another name
  h = relu(x)
  let h = 3
# CHECK: :[[@LINE-1]]:7: error: 'h' is already defined
# CHECK-NEXT: {{^}}    let h = 3
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: hint: a 'let' needs a new name
  return dense(x, w)
}
