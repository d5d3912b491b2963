# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 0)
# CHECK: :[[@LINE-1]]:16: error: argument 'units' of dense must be at least 1, got 0
# CHECK-NEXT: {{^}}    h = dense(x, 0)
# CHECK-NEXT: {{^}}                 ^{{$}}
  h = dropout(x, 1.5)
# CHECK: :[[@LINE-1]]:18: error: argument 'rate' of dropout must be between 0 and 1
# CHECK-NEXT: {{^}}    h = dropout(x, 1.5)
# CHECK-NEXT: {{^}}                   ^~~{{$}}
  return dense(x, 4)
}
