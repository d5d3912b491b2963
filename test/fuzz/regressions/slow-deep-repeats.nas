model m(x: f32[N, 8]) -> f32[N, 8] {
  h = x
  repeat 9000 {
  repeat 9000 {
  repeat 9000 {
  repeat 9000 {
  h = relu(h)
  }
  }
  }
  }
  return h
}
