# A 'let' count decision shared by two loops is accepted: the join of the two
# loops keeps the one decision (Sema.cpp: "a count decision shared by several
# loops collects the sub-spaces of all of them").
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 8]) -> f32[N, 4] {
  let d = int(1, 3)
  repeat d { x = oneof(relu, tanh)(x) }
  repeat d { x = dense(x, 8) }
  return dense(x, 4)
}
# CHECK: {{.*}}let-count-shared.nas: model m, 4 decisions, 14 candidates{{$}}
# CHECK-NEXT: {{^}}m.d  int(1, 3){{$}}
# CHECK-NEXT: {{^}}  m.repeat[0].oneof  oneof(relu, tanh)  [when m.d > 0]{{$}}
# CHECK-NEXT: {{^}}  m.repeat[1].oneof  oneof(relu, tanh)  [when m.d > 1]{{$}}
# CHECK-NEXT: {{^}}  m.repeat[2].oneof  oneof(relu, tanh)  [when m.d > 2]{{$}}
# CHECK-NOT: {{.}}
