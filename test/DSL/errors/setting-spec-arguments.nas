# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  optimizer = sgd(momentum = 0.9)
# CHECK: :[[@LINE-1]]:15: error: sgd needs 'lr'
# CHECK-NEXT: {{^}}    optimizer = sgd(momentum = 0.9)
# CHECK-NEXT: {{^}}                ^~~~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: e.g. sgd(lr = 0.1, momentum = 0.9)
}
search {
  maximize val_accuracy
  algorithm = evolution(20, tournamnet = 3, population = 1)
# CHECK: :[[@LINE-1]]:25: error: evolution takes named arguments only
# CHECK-NEXT: {{^}}    algorithm = evolution(20, tournamnet = 3, population = 1)
# CHECK-NEXT: {{^}}                          ^~{{$}}
# CHECK-NEXT: hint: e.g. evolution(population = 20, tournament = 5)
# CHECK: :[[@LINE-5]]:29: error: evolution has no setting 'tournamnet'
# CHECK-NEXT: {{^}}    algorithm = evolution(20, tournamnet = 3, population = 1)
# CHECK-NEXT: {{^}}                              ^~~~~~~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'tournament'?
# CHECK: :[[@LINE-9]]:58: error: 'population' of evolution must be at least 2
}
