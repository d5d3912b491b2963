# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  for w in 4 { x = dense(x, w) }
# CHECK: :[[@LINE-1]]:12: error: 'for' needs a list such as [1, 2, 3], not an integer
# CHECK-NEXT: {{^}}    for w in 4 { x = dense(x, w) }
# CHECK-NEXT: {{^}}             ^{{$}}
  for x in [1, 2] { h = relu(x) }
# CHECK: :[[@LINE-1]]:7: error: loop variable 'x' hides an existing name
# CHECK-NEXT: {{^}}    for x in [1, 2] { h = relu(x) }
# CHECK-NEXT: {{^}}        ^{{$}}
  return dense(x, 4)
}
