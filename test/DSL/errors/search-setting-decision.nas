# The search algorithm is not something the search decides.
# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error:
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
search {
  minimize val_loss
  algorithm = oneof(grid, random)
# CHECK: :[[@LINE-1]]:15: error: 'algorithm' must be a constant, not a decision
}
