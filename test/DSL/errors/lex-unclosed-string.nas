# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, oneof(4, 8, name: "w))
# CHECK: :[[@LINE-1]]:34: error: string is not closed before the end of the line
# CHECK-NEXT: {{^}}    h = dense(x, oneof(4, 8, name: "w))
# CHECK-NEXT: {{^}}                                   ^~~~{{$}}
# CHECK-NEXT: hint: add a closing '"'
  return h
}
