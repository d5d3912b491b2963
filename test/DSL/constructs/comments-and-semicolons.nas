# Comments run to the end of the line; ';' separates statements; a '}'
# ends one; line breaks are free inside parentheses and brackets.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
model m(x: f32[N, 8]) -> f32[N, 2] {  # after the brace
  h = relu(x); h = tanh(h);  h = dense(h, 4)
  # a comment line inside the body

  h = dense(
    h,     # a comment inside the call
    oneof(2,
          2)
  )
  for w in [
    2,
  ] { h = dense(h, w) }
  return h }
train { data = mnist; epochs = 1 }
# CHECK: {{.*}}comments-and-semicolons.nas: model m, 1 decision, 2 candidates{{$}}
# CHECK-NEXT: {{^}}m.oneof  oneof(2, 2){{$}}
# CHECK-NOT: {{.}}
