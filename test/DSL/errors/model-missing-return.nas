# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model mlp(x: f32[N, 8]) -> f32[N, 8] {
# CHECK: :[[@LINE-1]]:7: error: model 'mlp' does not return a value
# CHECK-NEXT: {{^}}  model mlp(x: f32[N, 8]) -> f32[N, 8] {
# CHECK-NEXT: {{^}}        ^~~{{$}}
# CHECK-NEXT: hint: end its body with 'return ...'
  h = relu(x)
}
