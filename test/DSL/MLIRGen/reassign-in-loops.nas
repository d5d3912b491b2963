# Constants reassigned inside repeat and optional flow out of them; a setting
# computed from a decision materializes; padding decided between same and
# valid; a block may share a name with a setting (none).
# RUN: nasc emit-mlir %s | nas-opt > /dev/null
# RUN: nasc materialize %s --dna '{"m.repeat": 2, "m.optional": 0, "m.oneof": 1, "train.optimizer.floatv": 0.05}' | FileCheck %s
# RUN: nasc materialize %s --dna '{"m.repeat": 1, "m.optional": 1, "m.oneof": 0, "train.optimizer.floatv": 0.05}' | FileCheck %s --check-prefix=OTHER
block none(x) { return zero(x) }
model m(x: f32[N, 1, 8, 8]) -> f32[N, 4] {
  c = 16
  h = conv2d(x, 2, kernel = 3, padding = oneof(same, valid))
  h = flatten(none(h))
  repeat int(1, 2) {
    h = relu(dense(h, c))
    c = 32
  }
  optional { c = 64 }
  return dense(dense(h, c), 4)
}
train { optimizer = sgd(lr = floatv(0.01, 0.1) * 2) }
# CHECK: nas.train = {optimizer = "sgd", optimizer.lr = 1.000000e-01 : f64}
# CHECK: nn.conv2d {{.*}}padding = 0 : i64{{.*}} -> tensor<?x2x6x6xf32>
# CHECK: nn.dense %{{.*}} {units = 16 : i64}
# CHECK: nn.dense %{{.*}} {units = 32 : i64}
# CHECK: nn.dense %{{.*}} {units = 32 : i64}
# CHECK-NEXT: nn.dense %{{.*}} {units = 4 : i64}
# OTHER: nn.conv2d {{.*}} -> tensor<?x2x8x8xf32>
# OTHER: nn.dense %{{.*}} {units = 16 : i64}
# OTHER-NEXT: nn.relu
# OTHER-NEXT: nn.dense %{{.*}} {units = 64 : i64}
