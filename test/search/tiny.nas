# A small space for the search tests: 16x16 images, quick candidates.
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
  epochs = 2
  batch = 32
  validation = 0.25
  optimizer = sgd(lr = floatv(0.01, 0.5, log), momentum = 0.9)
}

search {
  maximize val_accuracy
  constraint params <= 17000
  algorithm = evolution(population = 5, tournament = 2)
  trials = 30
}
