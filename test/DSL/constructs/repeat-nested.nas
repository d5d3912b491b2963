# Nested decided repeats: depth 1 gives 2 + 4 = 6, depth 2 gives 6 * 6 = 36;
# 42 in all.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
model m(x: f32[N, 8]) -> f32[N, 4] {
  repeat int(1, 2) { repeat int(1, 2) { x = oneof(relu, tanh)(x) } }
  return dense(x, 4)
}
# CHECK: {{.*}}repeat-nested.nas: model m, 7 decisions, 42 candidates
# CHECK-NEXT: {{^}}m.repeat  int(1, 2){{$}}
# CHECK-NEXT: {{^}}  m.repeat[0].repeat  int(1, 2)  [when m.repeat > 0]{{$}}
# CHECK-NEXT: {{^}}    m.repeat[0].repeat[0].oneof  oneof(relu, tanh)  [when m.repeat[0].repeat > 0]{{$}}
# CHECK-NEXT: {{^}}    m.repeat[0].repeat[1].oneof  oneof(relu, tanh)  [when m.repeat[0].repeat > 1]{{$}}
# CHECK-NEXT: {{^}}  m.repeat[1].repeat  int(1, 2)  [when m.repeat > 1]{{$}}
# CHECK-NEXT: {{^}}    m.repeat[1].repeat[0].oneof  oneof(relu, tanh)  [when m.repeat[1].repeat > 0]{{$}}
# CHECK-NEXT: {{^}}    m.repeat[1].repeat[1].oneof  oneof(relu, tanh)  [when m.repeat[1].repeat > 1]{{$}}
# CHECK-NOT: {{.}}
