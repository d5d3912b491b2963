# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) {
# CHECK: :[[@LINE-1]]:23: error: expected '->' and the output type after the model's parameters, found '{'
# CHECK-NEXT: {{^}}  model m(x: f32[N, 8]) {
# CHECK-NEXT: {{^}}                        ^{{$}}
# CHECK-NEXT: hint: a model declares its output, e.g. 'model mlp(x: f32[N, 784]) -> f32[N, 10] {'
  return dense(x, 4)
}
block b(x) -> f32[N, 4] { return x }
# CHECK: :[[@LINE-1]]:12: error: expected '{', found '->'
# CHECK-NEXT: {{^}}  block b(x) -> f32[N, 4] { return x }
# CHECK-NEXT: {{^}}             ^~{{$}}
# CHECK-NEXT: hint: a block's output type follows from its body; only a model declares one
