# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  return 4
# CHECK: :[[@LINE-1]]:10: error: model 'm' must return a tensor, not an integer
# CHECK-NEXT: {{^}}    return 4
# CHECK-NEXT: {{^}}           ^{{$}}
}
