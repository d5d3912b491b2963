# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
# The table evaluator's key must name decisions of the model, and the
# table needs its file, key column and key.
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, oneof(16, 32, name: "width"))
  return dense(oneof(relu, tanh, name: "act")(h), 4)
}
search {
  maximize acc
  evaluator = table(file = "t.csv", column = "key", key = "w{width}-{activation}")
# CHECK: :[[@LINE-1]]:70: error: in the table key: no decision is named 'activation'; the decisions: m.width, m.act
# CHECK-NEXT: {{^}}    evaluator = table(file = "t.csv", column = "key", key = "w{width}-{activation}")
# CHECK-NEXT: {{^}}                                                                     ^{{$}}
}
