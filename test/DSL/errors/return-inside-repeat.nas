# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  repeat 2 {
    return dense(x, 4)
# CHECK: :[[@LINE-1]]:5: error: 'return' must be the last statement of a model or block
# CHECK-NEXT: {{^}}      return dense(x, 4)
# CHECK-NEXT: {{^}}      ^~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: inside 'repeat', 'for' and 'optional' assign to a name instead
  }
  optional { return x }
# CHECK: :[[@LINE-1]]:14: error: 'return' must be the last statement of a model or block
  return dense(x, 4)
}
