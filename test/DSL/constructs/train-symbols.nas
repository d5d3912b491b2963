# Settings given as names: a dataset, an optimizer without arguments, a
# schedule, an algorithm, an early-stopping rule.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  return dense(x, 10)
}
train {
  data = fashion_mnist
  epochs = 1
  optimizer = adam
  schedule = constant
}
search {
  minimize val_loss
  algorithm = grid
  early_stopping = none
}
# CHECK: {{.*}}train-symbols.nas: model m, 0 decisions, 1 candidate{{$}}
# CHECK-NOT: {{.}}
