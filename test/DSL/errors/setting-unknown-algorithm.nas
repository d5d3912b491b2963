# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
search {
  maximize val_accuracy
  algorithm = evolutoin
# CHECK: :[[@LINE-1]]:15: error: unknown name 'evolutoin'
# CHECK-NEXT: {{^}}    algorithm = evolutoin
# CHECK-NEXT: {{^}}                ^~~~~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'evolution'?
}
train {
  optimizer = random
# CHECK: :[[@LINE-1]]:15: error: unknown optimizer 'random'
# CHECK-NEXT: {{^}}    optimizer = random
# CHECK-NEXT: {{^}}                ^~~~~~{{$}}
# CHECK-NEXT: hint: one of: sgd, adam
}
