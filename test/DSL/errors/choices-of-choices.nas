# Choices must list their alternatives directly: a candidate that is itself
# a choice, optional over a choice, and oneof over lists are errors; so is a
# decided count whose candidates are not constants, and a decided setting
# whose smallest candidate breaks a bound.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
model m(x: f32[N, 1, 8, 8]) -> f32[N, 4] {
  let act = oneof(relu, gelu)
  h = optional(act)(x)
# CHECK: :[[@LINE-1]]:16: error: optional(...) takes one op or block, not a choice among several
  h = oneof(act, tanh)(x)
# CHECK: :[[@LINE-1]]:13: error: a candidate of oneof cannot itself be a choice
  for v in oneof([1, 2], [3]) { h = relu(h) }
# CHECK: :[[@LINE-1]]:18: error: oneof cannot choose among lists
  h = conv2d(x, 4, stride = int(0, 2))
# CHECK: :[[@LINE-1]]:29: error: argument 'stride' of conv2d must be at least 1, got 0
  h = counted(x, int(1, 3))
  return dense(flatten(h), 4)
}

block counted(x, n: int) {
  repeat oneof(1, n) { x = relu(x) }
# CHECK: :[[@LINE-1]]:10: error: 'repeat' needs a count whose candidates are constants
  return x
}
