# W2 (fmnist-cnn) of ../shared/bench/torch_reference.py: two conv stages and
# two dense layers. No decisions: one candidate.
model w2(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = maxpool(relu(conv2d(x, 32, kernel = 3, padding = 1)), kernel = 2)
  h = maxpool(relu(conv2d(h, 64, kernel = 3, padding = 1)), kernel = 2)
  h = relu(dense(flatten(h), 128))
  return dense(h, 10)
}

train {
  data = fashion_mnist
  epochs = 2
  batch = 256
  validation = 0
  optimizer = sgd(lr = 0.05, momentum = 0.9)
}
