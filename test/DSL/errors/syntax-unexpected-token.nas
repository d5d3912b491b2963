# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4) )
# CHECK: :[[@LINE-1]]:19: error: expected a line break or ';' after the statement, found ')'
# CHECK-NEXT: {{^}}    h = dense(x, 4) ){{$}}
# CHECK-NEXT: {{^}}                    ^{{$}}
  return h
}
# CHECK: exit=1
