# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# CHECK: :[[@LINE+5]]:1: error: expected '}' to close the body, found the end of the file
# CHECK-NEXT: {{^}}  {{$}}
# CHECK-NEXT: {{^}}  ^{{$}}
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4)
