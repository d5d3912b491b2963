# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N]) -> f32[N] {
  h = flatten(x)
# CHECK: :[[@LINE-1]]:7: error: flatten needs a batch dimension and at least one more, but gets f32[N]
# CHECK-NEXT: {{^}}    h = flatten(x)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~{{$}}
  return x
}
