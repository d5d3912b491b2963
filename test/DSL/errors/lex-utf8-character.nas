# A non-ASCII character is shown as itself, not as its first byte, and the
# caret marks one column.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  return dense(x, 4) × 2
# CHECK: :[[@LINE-1]]:22: error: unexpected character '×'
# CHECK-NEXT: {{^}}    return dense(x, 4) × 2
# CHECK-NEXT: {{^}}                       ^{{$}}
}
