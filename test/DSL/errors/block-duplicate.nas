# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
block a(x) { return relu(x) }
block a(x) { return tanh(x) }
# CHECK: :[[@LINE-1]]:7: error: block 'a' is defined twice
# CHECK-NEXT: {{^}}  block a(x) { return tanh(x) }
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: :[[@LINE-5]]:7: note: the first definition is here
# CHECK-NEXT: {{^}}  block a(x) { return relu(x) }
model m(x: f32[N, 8]) -> f32[N, 8] {
  return a(x)
}
