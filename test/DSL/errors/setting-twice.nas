# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  epochs = 2
  data = mnist
  epochs = 3
# CHECK: :[[@LINE-1]]:3: error: 'epochs' is set twice
# CHECK-NEXT: {{^}}    epochs = 3
# CHECK-NEXT: {{^}}    ^~~~~~{{$}}
# CHECK-NEXT: :[[@LINE-6]]:3: note: first set here
# CHECK-NEXT: {{^}}    epochs = 2
}
train { epochs = 1 }
# CHECK: :[[@LINE-1]]:1: error: a second train section
# CHECK-NEXT: {{^}}  train { epochs = 1 }
# CHECK-NEXT: {{^}}  ^~~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: :[[@LINE-14]]:1: note: the first one is here
