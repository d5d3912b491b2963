# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, oneof(4, 8, name: "w")) }
search {
  maximize acc
  evaluator = table(file = "t.csv", key = "{w")
# CHECK: :[[@LINE-1]]:15: error: table needs 'column'
# CHECK: hint: e.g. table(file = "nb201.csv", column = "arch", key = "{cell}")
# CHECK: :[[@LINE-3]]:44: error: in the table key: a '{' without its '}' (write '{{[{][{]}}' for a literal brace)
}
