# Successive halving and two objectives on the small test data.
model tiny(x: f32[N, 1, 16, 16]) -> f32[N, 4] {
  let width = oneof(16, 32, 64)
  h = flatten(x)
  repeat int(1, 2) {
    h = oneof(relu, tanh)(dense(h, width))
  }
  return dense(h, 4)
}

train {
  data = fashion_mnist
  epochs = 4
  batch = 32
  validation = 0.25
  optimizer = sgd(lr = floatv(0.001, 0.5, log), momentum = 0.9)
}

search {
  maximize val_accuracy
  minimize params
  algorithm = nsga2(population = 6)
  early_stopping = successive_halving(min_epochs = 1, reduction = 2)
  trials = 24
}
