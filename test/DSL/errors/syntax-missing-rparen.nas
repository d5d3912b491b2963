# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# A call missing its ')': line breaks are free inside parentheses, so the
# error is at the first token that cannot continue the argument list.
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4
  return h
# CHECK: syntax-missing-rparen.nas:[[@LINE-1]]:3: error: expected ')' to close the argument list, found 'return'
# CHECK-NEXT: {{^}}    return h
# CHECK-NEXT: {{^}}    ^~~~~~{{$}}
}
