# An unused block's body is checked too, and its errors count.
# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
block helper(x, c: int) { return dense(x, c, bais = true) }
# CHECK: :[[@LINE-1]]:7: warning: block 'helper' is never used
# CHECK: :[[@LINE-2]]:46: error: dense has no parameter 'bais'
# CHECK-NEXT: {{^}}  block helper(x, c: int) { return dense(x, c, bais = true) }
# CHECK-NEXT: {{^}}                                               ^~~~{{$}}
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)
}
# CHECK: exit=1
