# A bad manyof is reported once; the 'for' over it adds no error.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  for a in manyof(3, relu, gelu) { x = a(x) }
# CHECK: :[[@LINE-1]]:19: error: manyof cannot choose 3 of 2 distinct candidates
# CHECK-NEXT: {{^}}    for a in manyof(3, relu, gelu) { x = a(x) }
# CHECK-NEXT: {{^}}                    ^{{$}}
  return dense(x, 4)
}
