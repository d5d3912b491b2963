# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# RUN: nasc check --werror %s 2>/dev/null; test $? -eq 1
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)
  h = relu(x)
# CHECK: :[[@LINE-1]]:3: warning: code after 'return' is never run
# CHECK-NEXT: {{^}}    h = relu(x)
# CHECK-NEXT: {{^}}    ^~~~~~~~~~~{{$}}
  h = relu(h)
}
# CHECK: exit=0
