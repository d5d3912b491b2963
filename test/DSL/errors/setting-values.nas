# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  epochs = 0
# CHECK: :[[@LINE-1]]:12: error: 'epochs' must be at least 1
# CHECK-NEXT: {{^}}    epochs = 0
# CHECK-NEXT: {{^}}             ^{{$}}
  validation = 0.95
# CHECK: :[[@LINE-1]]:16: error: 'validation' must be at most 0.9
  batch = 1.5
# CHECK: :[[@LINE-1]]:11: error: 'batch' must be an integer, not a number
  optimizer = adam(lr = -1, beta1 = 2)
# CHECK: :[[@LINE-1]]:25: error: 'lr' of adam must be at least 0
# CHECK: :[[@LINE-2]]:37: error: 'beta1' of adam must be at most 1
  schedule = cosin
# CHECK: :[[@LINE-1]]:14: error: unknown name 'cosin'
# CHECK-NEXT: {{^}}    schedule = cosin
# CHECK-NEXT: {{^}}               ^~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'cosine'?
  data = mnist2
# CHECK: :[[@LINE-1]]:10: error: unknown name 'mnist2'
# CHECK: hint: did you mean 'mnist'?
}
