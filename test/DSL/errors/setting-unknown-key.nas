# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  data = mnist
  epoch = 2
# CHECK: :[[@LINE-1]]:3: error: unknown train setting 'epoch'
# CHECK-NEXT: {{^}}    epoch = 2
# CHECK-NEXT: {{^}}    ^~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'epochs'?
}
search {
  maximize val_accuracy
  trails = 5
# CHECK: :[[@LINE-1]]:3: error: unknown search setting 'trails'
# CHECK-NEXT: {{^}}    trails = 5
# CHECK-NEXT: {{^}}    ^~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'trials'?
  zzzzzz = 1
# CHECK: :[[@LINE-1]]:3: error: unknown search setting 'zzzzzz'
# CHECK-NEXT: {{^}}    zzzzzz = 1
# CHECK-NEXT: {{^}}    ^~~~~~{{$}}
# CHECK-NEXT: hint: the settings are: algorithm, trials, seed, early_stopping, evaluator, maximize, minimize, constraint
}
