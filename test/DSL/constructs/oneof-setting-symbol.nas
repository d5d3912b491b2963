# A setting that takes a name may be a choice among names; each candidate is
# checked on its own (it never reports an empty name, "unknown schedule ''").
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 8]) -> f32[N, 4] { return dense(x, 4) }
train {
  schedule = oneof(constant, cosine)
}
# CHECK: {{.*}}oneof-setting-symbol.nas: model m, 1 decision, 2 candidates{{$}}
# CHECK-NEXT: {{^}}train.schedule  oneof(constant, cosine){{$}}
