# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  optimizer = sgd
# CHECK: :[[@LINE-1]]:15: error: sgd needs 'lr'
# CHECK-NEXT: {{^}}    optimizer = sgd
# CHECK-NEXT: {{^}}                ^~~{{$}}
# CHECK-NEXT: hint: e.g. sgd(lr = 0.1, momentum = 0.9)
}
