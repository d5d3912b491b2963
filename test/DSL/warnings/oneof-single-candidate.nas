# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# RUN: nasc check --werror %s 2>/dev/null; test $? -eq 1
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, oneof(4))
# CHECK: :[[@LINE-1]]:19: warning: oneof with a single candidate has nothing to decide
# CHECK-NEXT: {{^}}    return dense(x, oneof(4))
# CHECK-NEXT: {{^}}                    ^~~~~~~~{{$}}
# CHECK-NEXT: hint: use the candidate itself
}
# CHECK: exit=0
