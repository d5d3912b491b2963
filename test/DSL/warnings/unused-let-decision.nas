# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# RUN: nasc check --werror %s 2>/dev/null; test $? -eq 1
# A 'let' decision never used; a 'let' of a constant is no decision.
model m(x: f32[N, 8]) -> f32[N, 4] {
  let w = oneof(4, 8)
# CHECK: unused-let-decision.nas:[[@LINE-1]]:7: warning: decision 'm.w' is never used
# CHECK-NEXT: {{^}}    let w = oneof(4, 8)
# CHECK-NEXT: {{^}}        ^{{$}}
# CHECK-NEXT: hint: remove the 'let', or use 'w'
  let k = 3
  return dense(x, 4)
}
# CHECK: exit=0
