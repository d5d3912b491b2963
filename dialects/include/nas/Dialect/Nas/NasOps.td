//===- NasOps.td - The nas dialect: decisions of a search space -*- tablegen -*-===//
#ifndef NAS_NAS_OPS
#define NAS_NAS_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"

def Nas_Dialect : Dialect {
  let name = "nas";
  let summary = "The decision points of a neural-architecture search space.";
  let description = [{
    A `nas` op is one decision: its result is whatever value a candidate's DNA
    picks. Each op carries the decision's stable path name (`mlp.width`), the
    name used in DNA, results and error messages.
  }];
  let cppNamespace = "::nas::space";
}

class Nas_Op<string mnemonic, list<Trait> traits = []> : Op<Nas_Dialect, mnemonic, traits>;

def Nas_IntOp : Nas_Op<"int"> {
  let summary = "An integer decided in a closed range";
  let description = [{
    The result is an integer between `low` and `high`, both included.

    ```mlir
    %depth = nas.int "mlp.depth" in [1, 4] : index
    ```
  }];
  let arguments = (ins StrAttr:$name, I64Attr:$low, I64Attr:$high);
  let results = (outs Index:$result);
  let assemblyFormat = "$name `in` ` ` `[` $low `,` $high `]` attr-dict `:` type($result)";
  let hasVerifier = 1;
}

def Nas_OneOfValueOp : Nas_Op<"oneof_value"> {
  let summary = "One integer chosen from a list";
  let description = [{
    The result is one of `candidates`.

    ```mlir
    %width = nas.oneof_value "mlp.width" [64, 128, 256] : index
    ```
  }];
  let arguments = (ins StrAttr:$name, DenseI64ArrayAttr:$candidates);
  let results = (outs Index:$result);
  let assemblyFormat = "$name $candidates attr-dict `:` type($result)";
  let hasVerifier = 1;
}

#endif // NAS_NAS_OPS
