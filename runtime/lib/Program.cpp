//===- Program.cpp - Slots of a compiled candidate and the kernels' names -===//
//
// Part of nasc, under the Apache License v2.0 with LLVM Exceptions.
// See LICENSE for license information.
// SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
//
//===----------------------------------------------------------------------===//
#include "nas/Runtime/Program.h"

#include "nas/Runtime/Kernels.h"

namespace nas {

int64_t ProgramSlot::elements(int64_t batch) const {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d < 0 ? batch : d;
  return n;
}

const ProgramSlot *Program::find(std::string_view name) const {
  for (const ProgramSlot &slot : slots)
    if (slot.name == name)
      return &slot;
  return nullptr;
}

int64_t Program::parameterCount() const {
  int64_t total = 0;
  for (const ProgramSlot &slot : slots)
    if (slot.role == "param")
      total += slot.elements(batch);
  return total;
}

const std::vector<KernelSymbol> &kernelSymbols() {
#define NASC_KERNEL(name)                                                                                              \
  KernelSymbol { #name, reinterpret_cast < void *>(&name) }
  static const std::vector<KernelSymbol> symbols = {
      NASC_KERNEL(nasc_linear),
      NASC_KERNEL(nasc_linear_grad_input),
      NASC_KERNEL(nasc_linear_grad_weight),
      NASC_KERNEL(nasc_bias_grad),
      NASC_KERNEL(nasc_conv2d),
      NASC_KERNEL(nasc_conv2d_grad_input),
      NASC_KERNEL(nasc_conv2d_grad_weight),
      NASC_KERNEL(nasc_pool2d),
      NASC_KERNEL(nasc_pool2d_grad),
      NASC_KERNEL(nasc_global_avgpool),
      NASC_KERNEL(nasc_global_avgpool_grad),
      NASC_KERNEL(nasc_activation),
      NASC_KERNEL(nasc_activation_grad),
      NASC_KERNEL(nasc_add),
      NASC_KERNEL(nasc_mul),
      NASC_KERNEL(nasc_fill_zero),
      NASC_KERNEL(nasc_copy_rows),
      NASC_KERNEL(nasc_batchnorm_train),
      NASC_KERNEL(nasc_batchnorm_infer),
      NASC_KERNEL(nasc_batchnorm_grad),
      NASC_KERNEL(nasc_layernorm),
      NASC_KERNEL(nasc_layernorm_grad),
      NASC_KERNEL(nasc_dropout),
      NASC_KERNEL(nasc_softmax_cross_entropy),
      NASC_KERNEL(nasc_sgd),
      NASC_KERNEL(nasc_adam),
  };
#undef NASC_KERNEL
  return symbols;
}

} // namespace nas
