# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, oneof(8, 16, name: "width"))
  h = dense(h, int(8, 16, name: "width"))
# CHECK: :[[@LINE-1]]:16: error: two decisions are named 'm.width'
# CHECK-NEXT: {{^}}    h = dense(h, int(8, 16, name: "width"))
# CHECK-NEXT: {{^}}                 ^~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: give one of them another name: "..."
# CHECK-NEXT: :[[@LINE-6]]:16: note: the other decision is here
# CHECK-NEXT: {{^}}    h = dense(x, oneof(8, 16, name: "width"))
# CHECK-NEXT: {{^}}                 ^~~~~~~~~~~~~~~~~~~~~~~~~~~{{$}}
  return dense(h, 4)
}
