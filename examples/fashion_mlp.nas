# An MLP for Fashion-MNIST: the width, the depth and each layer's activation
# are decisions; the learning rate is a decision of the training setup.
model mlp(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  let width = oneof(64, 128, 256, 512)     # one decision, shared by every layer
  h = flatten(x)
  repeat int(1, 4) {                       # the depth is a decision
    h = dense(h, width)
    h = oneof(relu, gelu, tanh)(h)         # a fresh decision per layer
  }
  return dense(h, 10)
}

train {
  data = fashion_mnist
  epochs = 2
  batch = 256
  optimizer = sgd(lr = floatv(0.01, 0.3, log), momentum = 0.9)
}

search {
  maximize val_accuracy
  constraint params <= 300k
  algorithm = evolution(population = 20, tournament = 5)
  trials = 50
}
