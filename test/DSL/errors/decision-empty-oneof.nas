# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, oneof())
# CHECK: :[[@LINE-1]]:19: error: oneof needs at least one candidate
# CHECK-NEXT: {{^}}    return dense(x, oneof())
# CHECK-NEXT: {{^}}                    ^~~~~~~{{$}}
}
