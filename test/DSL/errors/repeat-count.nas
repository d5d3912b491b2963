# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  let d = int(1, 3)
  repeat d * 2 { x = relu(x) }
# CHECK: :[[@LINE-1]]:10: error: 'repeat' needs a constant count or a decision (int(...) or oneof(...)), not an expression over a decision
# CHECK-NEXT: {{^}}    repeat d * 2 { x = relu(x) }
# CHECK-NEXT: {{^}}           ^~~~~{{$}}
# CHECK-NEXT: hint: make the count itself a decision, e.g. 'repeat int(1, 4)'
  repeat -1 { x = relu(x) }
# CHECK: :[[@LINE-1]]:10: error: 'repeat' count -1 is negative
# CHECK-NEXT: {{^}}    repeat -1 { x = relu(x) }
# CHECK-NEXT: {{^}}           ^~{{$}}
  repeat 10001 { x = relu(x) }
# CHECK: :[[@LINE-1]]:10: error: 'repeat' count 10001 is too large (at most 10000)
  repeat 2.5 { x = relu(x) }
# CHECK: :[[@LINE-1]]:10: error: 'repeat' needs an integer count, not a number
  return dense(x, 4)
}
