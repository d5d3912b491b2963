# A declared dimension of 0 is reported once; no shape mismatch follows.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 0] {
# CHECK: :[[@LINE-1]]:33: error: a dimension must be positive
# CHECK-NEXT: {{^}}  model m(x: f32[N, 8]) -> f32[N, 0] {
# CHECK-NEXT: {{^}}                                  ^{{$}}
  return dense(x, 4)
}
