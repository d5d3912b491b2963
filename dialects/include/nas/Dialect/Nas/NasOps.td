//===- NasOps.td - The nas dialect: decisions of a search space -*- tablegen -*-===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#ifndef NAS_NAS_OPS
#define NAS_NAS_OPS

include "mlir/IR/OpBase.td"
include "mlir/IR/CommonAttrConstraints.td"
include "mlir/Interfaces/SideEffectInterfaces.td"
include "mlir/Interfaces/ControlFlowInterfaces.td"

def Nas_Dialect : Dialect {
  let name = "nas";
  let summary = "The decision points of a neural-architecture search space.";
  let description = [{
    A `nas` decision op stands for one decision: its result is whatever the
    candidate's DNA picks. A decision may carry the user's `hint` (a string
    attribute), passed on to the search algorithms. Each decision carries its name relative to the
    scope it sits in: at the top level of a model that is the full path
    (`mlp.width`); in the body of `nas.repeat` it is relative to the i-th
    repetition (`oneof` in repetition 2 of `mlp.repeat` is `mlp.repeat[2].oneof`);
    in the j-th region of `nas.switch` it is relative to the selecting
    decision's j-th candidate (`mlp.oneof[1].int`).

    `nas.switch` chooses among regions (ops, blocks, sub-networks),
    `nas.repeat` repeats its body a decided number of times, and `nas.section`
    keeps the `train` and `search` settings of the source file.

    A module made from a `.nas` file carries the attribute `nas.source` (the
    file name); the dialect then checks that no two decisions share a path.
  }];
  let cppNamespace = "::nas::space";
  let hasOperationAttrVerify = 1;
  let hasCanonicalizer = 1;
  let dependentDialects = ["::mlir::arith::ArithDialect"];
}

class Nas_Op<string mnemonic, list<Trait> traits = []> : Op<Nas_Dialect, mnemonic, traits>;

//===----------------------------------------------------------------------===//
// Decisions
//===----------------------------------------------------------------------===//

class Nas_DecisionOp<string mnemonic, list<Trait> traits = []>
    : Nas_Op<mnemonic, !listconcat(traits, [Pure])> {
  let hasVerifier = 1;
}

def Nas_OneOfValueOp : Nas_DecisionOp<"oneof_value"> {
  let summary = "One number chosen from a list";
  let description = [{
    The result is one of `candidates`: integers (an `index` result) or
    numbers (an `f64` result).

    ```mlir
    %width = nas.oneof_value "mlp.width" [64, 128, 256] : index
    %lr = nas.oneof_value "train.optimizer.lr" [0.1, 0.01] : f64
    ```
  }];
  let arguments = (ins StrAttr:$name, ArrayAttr:$candidates, OptionalAttr<StrAttr>:$hint);
  let results = (outs AnyTypeOf<[Index, F64]>:$result);
  let assemblyFormat = "$name $candidates attr-dict `:` type($result)";
}

def Nas_OneOfOp : Nas_DecisionOp<"oneof"> {
  let summary = "One of several labelled candidates (ops, blocks, sub-networks)";
  let description = [{
    The result is the index of the chosen candidate; `nas.switch` ops that
    take it run the region of that index. Several switches may share one
    decision (a `let` in the source).

    ```mlir
    %act = nas.oneof "mlp.act" ["relu", "gelu"] : index
    ```
  }];
  let arguments = (ins StrAttr:$name, StrArrayAttr:$candidates, OptionalAttr<StrAttr>:$hint);
  let results = (outs Index:$result);
  let assemblyFormat = "$name $candidates attr-dict `:` type($result)";
}

def Nas_ManyOfOp : Nas_DecisionOp<"manyof"> {
  let summary = "Several of the labelled candidates";
  let description = [{
    Chooses as many candidates as the op has results, each result the index
    of one chosen candidate. With `distinct` no candidate is chosen twice;
    with `sorted` the indices are in increasing order.

    ```mlir
    %a, %b = nas.manyof "mlp.acts" ["relu", "gelu", "tanh"] {distinct} : index, index
    ```
  }];
  let arguments = (ins StrAttr:$name, StrArrayAttr:$candidates, UnitAttr:$distinct, UnitAttr:$sorted,
                       OptionalAttr<StrAttr>:$hint);
  let results = (outs Variadic<Index>:$choices);
  let assemblyFormat = "$name $candidates attr-dict `:` type($choices)";
}

def Nas_IntOp : Nas_DecisionOp<"int"> {
  let summary = "An integer decided in a closed range";
  let description = [{
    The result is an integer between `low` and `high`, both included.

    ```mlir
    %depth = nas.int "mlp.depth" in [1, 4] : index
    ```
  }];
  let arguments = (ins StrAttr:$name, I64Attr:$low, I64Attr:$high, OptionalAttr<StrAttr>:$hint);
  let results = (outs Index:$result);
  let assemblyFormat = "$name `in` ` ` `[` $low `,` $high `]` attr-dict `:` type($result)";
}

def Nas_FloatOp : Nas_DecisionOp<"float"> {
  let summary = "A number decided in a closed range, on a linear or log scale";
  let description = [{
    ```mlir
    %lr = nas.float "train.optimizer.lr" in [0.01, 0.3] log : f64
    ```
  }];
  let arguments = (ins StrAttr:$name, F64Attr:$low, F64Attr:$high, UnitAttr:$log, OptionalAttr<StrAttr>:$hint);
  let results = (outs F64:$result);
  let assemblyFormat = "$name `in` ` ` `[` $low `,` $high `]` (`log` $log^)? attr-dict `:` type($result)";
}

def Nas_OptionalOp : Nas_DecisionOp<"optional"> {
  let summary = "Whether something is there: 0 absent, 1 present";
  let description = [{
    A `nas.switch` on the result has two regions: absent, then present.

    `label` says what is optional (an op, or `{ ... }` for statements).

    ```mlir
    %hidden = nas.optional "cnn.hidden" of "{ ... }" : index
    ```
  }];
  let arguments = (ins StrAttr:$name, OptionalAttr<StrAttr>:$label, OptionalAttr<StrAttr>:$hint);
  let results = (outs Index:$result);
  let assemblyFormat = "$name (`of` $label^)? attr-dict `:` type($result)";
}

//===----------------------------------------------------------------------===//
// Regions
//===----------------------------------------------------------------------===//

def Nas_SwitchOp : Nas_Op<"switch", [RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">]> {
  let summary = "Runs the region chosen by a decision";
  let description = [{
    Runs region `i` when the selector is `i` and returns what it yields. The
    selector is a `nas.oneof`, `nas.optional` or `nas.manyof` result, with one
    region per candidate. Regions may use any value defined above. Decisions
    inside region `i` belong to the selector's `i`-th candidate.

    ```mlir
    %y = nas.switch %act -> tensor<?x64xf32> {
      %r = nn.relu %h : tensor<?x64xf32> -> tensor<?x64xf32>
      nas.yield %r : tensor<?x64xf32>
    }, {
      %g = nn.gelu %h : tensor<?x64xf32> -> tensor<?x64xf32>
      nas.yield %g : tensor<?x64xf32>
    }
    ```
  }];
  let arguments = (ins Index:$selector);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region VariadicRegion<SizedRegion<1>>:$cases);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
  let extraClassDeclaration = [{
    /// Replaces the switch by the ops of region `index` and its results by
    /// what that region yields.
    void inlineRegion(unsigned index, ::mlir::RewriterBase &rewriter);
  }];
}

def Nas_RepeatOp : Nas_Op<"repeat", [RecursiveMemoryEffects,
    SingleBlockImplicitTerminator<"YieldOp">]> {
  let summary = "Runs its body a decided number of times";
  let description = [{
    Runs the body `count` times (a constant or a decision), threading the
    loop-carried values through it. The body's first argument is the
    repetition index. Each repetition has its own decisions: one named
    `oneof` in the body of `mlp.repeat` is `mlp.repeat[i].oneof` in
    repetition `i`. Loop-carried tensors usually have an unranked type,
    since a repetition may change their shape.

    ```mlir
    %h1 = nas.repeat "mlp.repeat" %depth iter_args(%h = %h0) : (tensor<?x64xf32>) -> (tensor<*xf32>) {
    ^bb0(%i: index, %h: tensor<*xf32>):
      %r = nn.relu %h : tensor<*xf32> -> tensor<*xf32>
      nas.yield %r : tensor<*xf32>
    }
    ```
  }];
  let arguments = (ins StrAttr:$name, Index:$count, Variadic<AnyType>:$inits);
  let results = (outs Variadic<AnyType>:$results);
  let regions = (region SizedRegion<1>:$body);
  let hasCustomAssemblyFormat = 1;
  let hasRegionVerifier = 1;
}

def Nas_YieldOp : Nas_Op<"yield", [Pure, Terminator, ReturnLike,
    ParentOneOf<["SwitchOp", "RepeatOp"]>]> {
  let summary = "The values a switch region or a repetition hands on";
  let description = [{
    Ends a region of `nas.switch` (its values are the switch's results) or
    the body of `nas.repeat` (its values go to the next repetition).

    ```mlir
    nas.yield %h : tensor<?x64xf32>
    ```
  }];
  let arguments = (ins Variadic<AnyType>:$values);
  let builders = [OpBuilder<(ins), [{ /* nothing to yield */ }]>];
  let assemblyFormat = "attr-dict ($values^ `:` type($values))?";
}

//===----------------------------------------------------------------------===//
// Settings
//===----------------------------------------------------------------------===//

def Nas_SectionOp : Nas_Op<"section", [NoTerminator, SingleBlock, NoRegionArguments, IsolatedFromAbove]> {
  let summary = "The train or search settings of a .nas file";
  let description = [{
    Holds one `nas.setting` per setting; decided settings are computed by
    decision ops inside the section.

    ```mlir
    nas.section "train" {
      nas.setting "epochs" = 2
      %lr = nas.float "train.optimizer.lr" in [0.01, 0.3] log : f64
      nas.setting "optimizer" = "sgd"
      nas.setting "optimizer.lr" = %lr : f64
    }
    ```
  }];
  let arguments = (ins StrAttr:$kind);
  let regions = (region SizedRegion<1>:$body);
  let assemblyFormat = "$kind attr-dict-with-keyword $body";
  let hasVerifier = 1;
}

def Nas_SettingOp : Nas_Op<"setting", [HasParent<"SectionOp, SwitchOp">]> {
  let summary = "One setting: a constant attribute or a decided value";
  let description = [{
    ```mlir
    nas.setting "batch" = 256
    nas.setting "optimizer.lr" = %lr : f64
    nas.setting "maximize" = "val_accuracy"
    ```
  }];
  let arguments = (ins StrAttr:$key, OptionalAttr<AnyAttr>:$constant, Optional<AnyType>:$value);
  let hasCustomAssemblyFormat = 1;
  let hasVerifier = 1;
}

#endif // NAS_NAS_OPS
