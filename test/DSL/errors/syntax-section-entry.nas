# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  epochs 3
# CHECK: :[[@LINE-1]]:10: error: expected '=' after 'epochs', found an integer
# CHECK-NEXT: {{^}}    epochs 3
# CHECK-NEXT: {{^}}           ^{{$}}
  data = mnist
}
search {
  maximize val_accuracy
  constraint params = 5
# CHECK: :[[@LINE-1]]:21: error: expected '<=', '<', '>=' or '>' after the constrained metric, found '='
# CHECK-NEXT: {{^}}    constraint params = 5
# CHECK-NEXT: {{^}}                      ^{{$}}
# CHECK-NEXT: hint: e.g. 'constraint params <= 300k'
}
