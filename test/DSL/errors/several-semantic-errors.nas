# One run reports every semantic error, in the model, blocks and sections.
# RUN: (nasc check %s 2>&1; echo "exit=$?") | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] {
  h = dense(x, 4, bais = true)
# CHECK: :[[@LINE-1]]:19: error: dense has no parameter 'bais'
  g = relux(x)
# CHECK: :[[@LINE-1]]:7: error: unknown name 'relux'
# CHECK: hint: did you mean 'relu'?
  return dense(x, 4)
}
train {
  epochz = 3
# CHECK: :[[@LINE-1]]:3: error: unknown train setting 'epochz'
}
search {
  trials = 0
# CHECK: :[[@LINE-1]]:12: error: 'trials' must be at least 1
}
# CHECK: :[[@LINE-4]]:1: error: the search section needs an objective
# CHECK: exit=1
