# Blocks with typed parameters and defaults; an argument's decision belongs
# to the caller's scope, a decision in a block's body to the call's scope.
# RUN: nasc check --verbose %s | FileCheck --strict-whitespace %s
# RUN: nasc check %s 2>&1 | count 0
block conv_bn(x, c: int, k: int = 3, act: op = relu) {
  return act(batchnorm(conv2d(x, c, kernel = k, bias = false)))
}
block head(x: tensor, scale: float = 0.5) { return dropout(global_avgpool(x), scale) }
block cell(x) { return dense(x, oneof(10, 20)) }
model m(x: f32[N, 1, 28, 28]) -> f32[N, 10] {
  h = conv_bn(x, 16)
  h = conv_bn(h, 32, k = 5, act = oneof(relu, silu))
  h = conv_bn(c = int(8, 10), x = h)
  h = cell(head(h))
  h = cell(h)
  return dense(h, 10)
}
# 2 * 3 * 2 * 2 = 24
# CHECK: {{.*}}blocks.nas: model m, 4 decisions, 24 candidates
# CHECK-NEXT: {{^}}m.oneof  oneof(relu, silu){{$}}
# CHECK-NEXT: {{^}}m.int  int(8, 10){{$}}
# CHECK-NEXT: {{^}}m.cell.oneof  oneof(10, 20){{$}}
# CHECK-NEXT: {{^}}m.cell2.oneof  oneof(10, 20){{$}}
# CHECK-NOT: {{.}}
