# Six networks, each looked up in table.csv by a key like "w32-tanh".
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, oneof(16, 32, 64, name: "width"))
  return dense(oneof(relu, tanh, name: "act")(h), 4)
}
search {
  maximize acc
  algorithm = random
  trials = 6
  evaluator = table(file = "table.csv", column = "key", key = "w{width}-{act}")
}
