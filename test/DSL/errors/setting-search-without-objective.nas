# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
search {
# CHECK: :[[@LINE-1]]:1: error: the search section needs an objective
# CHECK-NEXT: {{^}}  search {
# CHECK-NEXT: {{^}}  ^~~~~~~~{{$}}
# CHECK-NEXT: hint: e.g. 'maximize val_accuracy'
  trials = 10
}
