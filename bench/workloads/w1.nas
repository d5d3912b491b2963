# W1 (fmnist-mlp) of ../shared/bench/torch_reference.py: the MLP every
# benchmark compares with PyTorch. No decisions: one candidate.
model w1(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = relu(dense(flatten(x), 256))
  h = relu(dense(h, 256))
  return dense(h, 10)
}

train {
  data = fashion_mnist
  epochs = 2
  batch = 256
  validation = 0
  optimizer = sgd(lr = 0.05, momentum = 0.9)
}
