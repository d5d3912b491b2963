# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# RUN: nasc check --werror %s 2>/dev/null; test $? -eq 1
block helper(x) { return relu(x) }
# CHECK: :[[@LINE-1]]:7: warning: block 'helper' is never used
# CHECK-NEXT: {{^}}  block helper(x) { return relu(x) }
# CHECK-NEXT: {{^}}        ^~~~~~{{$}}
block used(x) { return tanh(x) }
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(used(x), 4)
}
# CHECK: exit=0
