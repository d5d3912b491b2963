// A switch whose selector is a constant runs its region in place.
// RUN: nas-opt %s --canonicalize | FileCheck %s

// CHECK-LABEL: func.func @known
func.func @known(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %c1 = arith.constant 1 : index
  // CHECK-NOT: nas.switch
  // CHECK: %[[T:.*]] = nn.tanh %{{.*}}
  // CHECK-NEXT: return %[[T]]
  %y = nas.switch %c1 -> tensor<?x8xf32> {
    %r = nn.relu %x : tensor<?x8xf32> -> tensor<?x8xf32>
    nas.yield %r : tensor<?x8xf32>
  }, {
    %t = nn.tanh %x : tensor<?x8xf32> -> tensor<?x8xf32>
    nas.yield %t : tensor<?x8xf32>
  }
  return %y : tensor<?x8xf32>
}

// A switch on a decision stays.
// CHECK-LABEL: func.func @open
func.func @open(%x: tensor<?x8xf32>) -> tensor<?x8xf32> {
  %c = nas.oneof "m.act" ["relu", "tanh"] : index
  // CHECK: nas.switch
  %y = nas.switch %c -> tensor<?x8xf32> {
    %r = nn.relu %x : tensor<?x8xf32> -> tensor<?x8xf32>
    nas.yield %r : tensor<?x8xf32>
  }, {
    %t = nn.tanh %x : tensor<?x8xf32> -> tensor<?x8xf32>
    nas.yield %t : tensor<?x8xf32>
  }
  return %y : tensor<?x8xf32>
}
