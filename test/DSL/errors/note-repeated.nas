# An error in a repeated body is reported once, and so is its note: a note is
# shown only with the error it belongs to.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let w = oneof(4, 8)
  repeat 2 { w = 4 }
# CHECK: :[[@LINE-1]]:14: error: 'w' was bound by 'let' and cannot be reassigned
# CHECK-NEXT: {{^}}    repeat 2 { w = 4 }
# CHECK-NEXT: {{^}}               ^{{$}}
# CHECK-NEXT: :[[@LINE-5]]:7: note: bound here
# CHECK-NEXT: {{^}}    let w = oneof(4, 8)
# CHECK-NEXT: {{^}}        ^{{$}}
  return dense(x, w)
}
