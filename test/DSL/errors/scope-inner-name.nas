# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
# A name first bound inside a body stays inside it.
model m(x: f32[N, 8]) -> f32[N, 4] {
  repeat 2 { t = relu(x) }
  return dense(t, 4)
# CHECK: :[[@LINE-1]]:16: error: unknown name 't'
# CHECK-NEXT: {{^}}    return dense(t, 4)
# CHECK-NEXT: {{^}}                 ^{{$}}
}
