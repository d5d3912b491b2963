# Did-you-mean counts a swap of two neighbouring letters as one edit, so
# 'bais' suggests 'bias' (and 'relu' for 'rleu').
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4, bais = true)
# CHECK: :[[@LINE-1]]:19: error: dense has no parameter 'bais'
# CHECK-NEXT: {{^}}    h = dense(x, 4, bais = true)
# CHECK-NEXT: {{^}}                    ^~~~{{$}}
# CHECK-NEXT: hint: did you mean 'bias'?
  h = rleu(x)
# CHECK: :[[@LINE-1]]:7: error: unknown name 'rleu'
# CHECK-NEXT: {{^}}    h = rleu(x)
# CHECK-NEXT: {{^}}        ^~~~{{$}}
# CHECK-NEXT: hint: did you mean 'relu'?
  return dense(x, 4)
}
