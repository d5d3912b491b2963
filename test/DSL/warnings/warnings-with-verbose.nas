# Warnings go to stderr; --verbose still lists the space on stdout.
# RUN: nasc check --verbose %s 2>/dev/null | FileCheck %s --check-prefix=OUT
# RUN: nasc check --verbose %s 2>&1 >/dev/null | FileCheck %s --check-prefix=ERR
model m(x: f32[N, 8]) -> f32[N, 4] {
  let w = int(1, 2)
  return dense(x, oneof(4, 4))
}
# OUT: {{.*}}warnings-with-verbose.nas: model m, 2 decisions, 4 candidates
# OUT-NEXT: m.w  int(1, 2)
# OUT-NEXT: m.oneof  oneof(4, 4)
# ERR: :5:7: warning: decision 'm.w' is never used
