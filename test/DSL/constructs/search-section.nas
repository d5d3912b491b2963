# Objectives, every kind of constraint, the algorithms' settings; a decision
# in a single optimizer is named train.optimizer.<setting>.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  return dense(x, oneof(10, 10))
}
train { data = mnist; epochs = 1; optimizer = sgd(lr = oneof(0.1, 0.01)) }
search {
  maximize val_accuracy
  minimize latency
  constraint params <= 300k
  constraint flops < 50M
  constraint latency >= 0.5
  constraint params > 1
  algorithm = tpe(startup = 5, candidates = 10)
  early_stopping = successive_halving(min_epochs = 2, reduction = 2)
  trials = 50
  seed = 7
}
# CHECK: {{.*}}search-section.nas: model m, 2 decisions, 4 candidates{{$}}
# CHECK-NEXT: {{^}}m.oneof  oneof(10, 10){{$}}
# CHECK-NEXT: {{^}}train.optimizer.lr  oneof(0.1, 0.01){{$}}
# CHECK-NOT: {{.}}
