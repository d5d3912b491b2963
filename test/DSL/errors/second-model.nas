# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 8] {
  return relu(x)
}
model n(x: f32[N, 8]) -> f32[N, 8] {
# CHECK: :[[@LINE-1]]:7: error: a second model 'n': a file holds one model
# CHECK-NEXT: {{^}}  model n(x: f32[N, 8]) -> f32[N, 8] {
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: hint: make 'n' a block, or move it to its own file
# CHECK-NEXT: :[[@LINE-8]]:7: note: the first model is here
  return tanh(x)
}
