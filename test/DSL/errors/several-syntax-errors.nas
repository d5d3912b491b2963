# One run reports every syntax error it can recover from, in order, and
# no semantic error when the file does not parse.
# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4))
# CHECK: :[[@LINE-1]]:18: error: expected a line break or ';' after the statement, found ')'
  let = 3
# CHECK: :[[@LINE-1]]:7: error: expected a name after 'let', found '='
  h = relu(h) relu
# CHECK: :[[@LINE-1]]:15: error: expected a line break or ';' after the statement, found 'relu'
  h = undefined_name(h)
  return h
}
train {
  epochs 3
# CHECK: :[[@LINE-1]]:10: error: expected '=' after 'epochs', found an integer
  data = mnist
}
# CHECK: exit=1
