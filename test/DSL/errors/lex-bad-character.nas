# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4) @ 2
# CHECK: :[[@LINE-1]]:19: error: unexpected character '@'
# CHECK-NEXT: {{^}}    h = dense(x, 4) @ 2
# CHECK-NEXT: {{^}}                    ^{{$}}
  return h
}
train { data = 'mnist' }
# CHECK: :[[@LINE-1]]:16: error: unexpected character '''
# CHECK-NEXT: {{^}}  train { data = 'mnist' }
# CHECK-NEXT: {{^}}                 ^{{$}}
# CHECK-NEXT: hint: strings use double quotes: "..."
# CHECK: :[[@LINE-5]]:22: error: unexpected character '''
