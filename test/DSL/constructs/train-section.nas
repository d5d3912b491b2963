# Every train setting; decisions in it are named train.<setting>, and a
# decision inside an optimizer is named after the optimizer's setting.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 784]) -> f32[N, 10] {
  return dense(x, 10)
}
train {
  data = "/data/idx"
  epochs = 3
  batch = oneof(64, 128, 256)
  optimizer = oneof(sgd(lr = floatv(0.01, 0.3, log), momentum = 0.9, nesterov = true),
                    adam(lr = 0.001, beta1 = int(0, 1), weight_decay = 0))
  schedule = cosine
  validation = 0.1
  seed = 0
}
# 3 * (1 + 2) = 9 without the learning rate
# CHECK: {{.*}}train-section.nas: model m, 4 decisions, infinite candidates (9 when continuous decisions are left out){{$}}
# CHECK-NEXT: {{^}}train.batch  oneof(64, 128, 256){{$}}
# CHECK-NEXT: {{^}}train.optimizer  oneof(sgd({{.*}}), adam({{.*}})){{$}}
# CHECK-NEXT: {{^}}  train.optimizer[0].lr  floatv(0.01, 0.3, log)  [when train.optimizer = sgd({{.*}})]{{$}}
# CHECK-NEXT: {{^}}  train.optimizer[1].beta1  int(0, 1)  [when train.optimizer = adam({{.*}})]{{$}}
# CHECK-NOT: {{.}}
