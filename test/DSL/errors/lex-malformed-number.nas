# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 12abc)
# CHECK: :[[@LINE-1]]:16: error: malformed number '12abc'
# CHECK-NEXT: {{^}}    h = dense(x, 12abc)
# CHECK-NEXT: {{^}}                 ^~~~~{{$}}
# CHECK-NEXT: hint: a number may end in k, M or G (thousand, million, billion)
  h = dense(h, 4kk)
# CHECK: :[[@LINE-1]]:16: error: malformed number '4kk'
# CHECK-NEXT: {{^}}    h = dense(h, 4kk)
# CHECK-NEXT: {{^}}                 ^~~{{$}}
  return dense(h, 99999999999999999999)
# CHECK: :[[@LINE-1]]:19: error: integer '99999999999999999999' is too large
# CHECK-NEXT: {{^}}    return dense(h, 99999999999999999999)
# CHECK-NEXT: {{^}}                    ^~~~~~~~~~~~~~~~~~~~{{$}}
}
