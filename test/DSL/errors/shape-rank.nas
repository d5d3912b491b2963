# RUN: not nasc check %s 2>&1 | FileCheck %s --implicit-check-not=error: --implicit-check-not=warning: --implicit-check-not=note:
model m(x: f32[N, 2, 8]) -> f32[N, 2, 8] {
  h = batchnorm(x)
# CHECK: :[[@LINE-1]]:7: error: batchnorm needs a rank-2 or 4 input, but gets f32[N, 2, 8]
  h = global_avgpool(x)
# CHECK: :[[@LINE-1]]:7: error: global_avgpool needs a rank-4 input, but gets f32[N, 2, 8]
# CHECK-NEXT: {{^}}    h = global_avgpool(x)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~~~~~~~~{{$}}
# CHECK-NEXT: hint: global_avgpool takes an NCHW feature map
  h = maxpool(x)
# CHECK: :[[@LINE-1]]:7: error: maxpool needs a rank-4 input, but gets f32[N, 2, 8]
# CHECK-NEXT: {{^}}    h = maxpool(x)
# CHECK-NEXT: {{^}}        ^~~~~~~~~~{{$}}
# CHECK-NEXT: hint: it takes an NCHW feature map: f32[N, C, H, W]
  return x
}
