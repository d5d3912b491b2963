# Carets are drawn by characters, so they stay under the right place after
# a non-ASCII character on the line and are as wide as the characters they
# mark; the column in the message still counts bytes ('é' is two).
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, "éé")
# CHECK: :[[@LINE-1]]:16: error: argument 'units' of dense must be an integer, not a string
# CHECK-NEXT: {{^}}    h = dense(x, "éé")
# CHECK-NEXT: {{^}}                 ^~~~{{$}}
  return dense(x, 4)
}
train {
  data = "café"; epochs = 0
# CHECK: :[[@LINE-1]]:28: error: 'epochs' must be at least 1
# CHECK-NEXT: {{^}}    data = "café"; epochs = 0
# CHECK-NEXT: {{^}}                            ^{{$}}
}
