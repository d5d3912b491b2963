# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
block relu(x) { return tanh(x) }
# CHECK: :[[@LINE-1]]:7: error: block 'relu' has the name of a built-in op
# CHECK-NEXT: {{^}}  block relu(x) { return tanh(x) }
# CHECK-NEXT: {{^}}        ^~~~{{$}}
# CHECK-NEXT: hint: rename the block
block oneof(x) { return tanh(x) }
# CHECK: :[[@LINE-1]]:7: error: block 'oneof' has the name of a built-in op
model m(x: f32[N, 8]) -> f32[N, 8] {
  return relu(x)
}
