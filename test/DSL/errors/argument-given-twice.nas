# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4, units = 4)
# CHECK: :[[@LINE-1]]:22: error: argument 'units' of dense is given twice
# CHECK-NEXT: {{^}}    return dense(x, 4, units = 4)
# CHECK-NEXT: {{^}}                       ^~~~~{{$}}
}
