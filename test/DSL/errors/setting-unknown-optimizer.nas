# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  optimizer = adamw(lr = 0.1)
# CHECK: :[[@LINE-1]]:15: error: unknown name 'adamw'
# CHECK-NEXT: {{^}}    optimizer = adamw(lr = 0.1)
# CHECK-NEXT: {{^}}                ^~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'adam'?
}
search {
  maximize val_accuracy
  algorithm = adam
# CHECK: :[[@LINE-1]]:15: error: unknown algorithm 'adam'
# CHECK-NEXT: {{^}}    algorithm = adam
# CHECK-NEXT: {{^}}                ^~~~{{$}}
# CHECK-NEXT: hint: one of: random, grid, evolution, tpe
  early_stopping = evolution(population = 4)
# CHECK: :[[@LINE-1]]:20: error: unknown early-stopping rule 'evolution'
}
