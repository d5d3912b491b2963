# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
block a(x) {
# CHECK: :[[@LINE-1]]:7: error: block 'a' does not return a value
# CHECK-NEXT: {{^}}  block a(x) {
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: hint: end its body with 'return ...'
  h = relu(x)
}
model m(x: f32[N, 8]) -> f32[N, 8] {
  return a(x)
}
