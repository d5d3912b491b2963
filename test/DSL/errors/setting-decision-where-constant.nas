# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  epochs = int(1, 3)
# CHECK: :[[@LINE-1]]:12: error: 'epochs' must be a constant, not a decision
# CHECK-NEXT: {{^}}    epochs = int(1, 3)
# CHECK-NEXT: {{^}}             ^~~~~~~~~{{$}}
  validation = floatv(0.1, 0.2)
# CHECK: :[[@LINE-1]]:16: error: 'validation' must be a constant, not a decision
}
search {
  maximize val_accuracy
  trials = oneof(10, 20)
# CHECK: :[[@LINE-1]]:12: error: 'trials' must be a constant, not a decision
}
