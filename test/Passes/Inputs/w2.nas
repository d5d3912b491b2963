model w2(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = maxpool(relu(conv2d(x, 32, kernel = 3, padding = 1)), kernel = 2)
  h = maxpool(relu(conv2d(h, 64, kernel = 3, padding = 1)), kernel = 2)
  h = relu(dense(flatten(h), 128))
  return dense(h, 10)
}
