//===- NNOps.td - The nn dialect: child programs on tensors -*- tablegen -*-===//
#ifndef NAS_NN_OPS
#define NAS_NN_OPS

include "mlir/IR/OpBase.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "nas/Dialect/NN/ShapeInferenceInterface.td"

def NN_Dialect : Dialect {
  let name = "nn";
  let summary = "Neural-network layers on tensors: the child programs of a search space.";
  let description = [{
    An `nn` op is a layer as the user wrote it (a dense layer, an activation),
    with its settings as attributes and its parameters implicit. Result types
    may keep dynamic dimensions until every decision is made; shape inference
    then makes them static.
  }];
  let cppNamespace = "::nas::nn";
}

class NN_Op<string mnemonic, list<Trait> traits = []>
    : Op<NN_Dialect, mnemonic,
         !listconcat(traits, [Pure, DeclareOpInterfaceMethods<ShapeInferenceOpInterface>])>;

def NN_F32Tensor : TensorOf<[F32]>;

class NN_ActivationOp<string mnemonic, string fn> : NN_Op<mnemonic> {
  let summary = fn # " applied elementwise";
  let description = [{
    Applies }] # fn # [{ to every element. The result has the shape of the input.

    ```mlir
    %y = nn.}] # mnemonic # [{ %x : tensor<?x128xf32> -> tensor<?x128xf32>
    ```
  }];
  let arguments = (ins NN_F32Tensor:$input);
  let results = (outs NN_F32Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

def NN_ReluOp : NN_ActivationOp<"relu", "max(x, 0)">;
def NN_TanhOp : NN_ActivationOp<"tanh", "tanh(x)">;

def NN_DenseOp : NN_Op<"dense"> {
  let summary = "A fully connected layer with bias";
  let description = [{
    `y = x W^T + b` over the last dimension of a rank-2 input: `units` is the
    number of outputs. The weight `W` (units x in) and bias `b` are parameters
    of the layer that training creates; they are not operands.

    ```mlir
    %y = nn.dense %x {units = 10 : i64} : tensor<?x784xf32> -> tensor<?x10xf32>
    ```
  }];
  let arguments = (ins NN_F32Tensor:$input, ConfinedAttr<I64Attr, [IntPositive]>:$units);
  let results = (outs NN_F32Tensor:$output);
  let assemblyFormat = "$input attr-dict `:` type($input) `->` type($output)";
  let hasVerifier = 1;
}

#endif // NAS_NN_OPS
