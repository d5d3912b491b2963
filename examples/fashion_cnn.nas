# A small CNN for Fashion-MNIST: two conv stages whose width, kernel size and
# pooling are decisions, then an optional hidden dense layer.

block stage(x, c: int) {
  h = conv2d(x, c, kernel = oneof(3, 5))          # a fresh decision per stage
  h = oneof(relu, silu)(batchnorm(h))
  return oneof(maxpool(h, kernel = 2), avgpool(h, kernel = 2))
}

model cnn(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  let c = oneof(16, 32)
  h = stage(x, c)                                 # [N, c, 14, 14]
  h = stage(h, c * 2)                             # [N, 2c, 7, 7]
  h = flatten(h)
  optional(name: "hidden") {
    h = relu(dense(h, oneof(64, 128)))
  }
  return dense(h, 10)
}

train {
  data = fashion_mnist
  epochs = 2
  batch = 128
  optimizer = adam(lr = floatv(0.0003, 0.003, log))
}

search {
  maximize val_accuracy
  constraint params <= 500k
  constraint flops <= 50M
  algorithm = tpe(startup = 10)
  trials = 40
}
