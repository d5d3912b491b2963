# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# A bare call is no statement; the parser resumes on the next line.
model m(x: f32[N, 8]) -> f32[N, 4] {
  dense(x, 4)
# CHECK: :[[@LINE-1]]:3: error: expected a statement ('let', an assignment 'name = ...', 'repeat', 'for', 'optional' or 'return'), found 'dense'
# CHECK-NEXT: {{^}}    dense(x, 4)
# CHECK-NEXT: {{^}}    ^~~~~{{$}}
  let = 3
# CHECK: :[[@LINE-1]]:7: error: expected a name after 'let', found '='
# CHECK-NEXT: {{^}}    let = 3
# CHECK-NEXT: {{^}}        ^{{$}}
  return dense(x, 4)
}
