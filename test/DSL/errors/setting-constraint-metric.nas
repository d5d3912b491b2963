# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
search {
  maximize val_accuracy
  constraint val_accuracy >= 0.9
# CHECK: :[[@LINE-1]]:14: error: cannot constrain 'val_accuracy' before training
# CHECK-NEXT: {{^}}    constraint val_accuracy >= 0.9
# CHECK-NEXT: {{^}}               ^~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: constraints bound params, flops or latency
  constraint param <= 1M
# CHECK: :[[@LINE-1]]:14: error: cannot constrain 'param' before training
# CHECK-NEXT: {{^}}    constraint param <= 1M
# CHECK-NEXT: {{^}}               ^~~~~{{$}}
# CHECK-NEXT: hint: did you mean 'params'?
  constraint flops <= oneof(1M, 2M)
# CHECK: :[[@LINE-1]]:23: error: the bound of a constraint must be a constant, but it depends on a decision
}
