#===- NascMLIR.cmake - MLIR/LLVM 22 from Debian, optionally static --------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Defines the interface target `nasc_mlir` that MLIR-based components link.
# MLIR's include directories are added per directory (TableGen reads them from
# the directory) only in dialects/, passes/ and compiler/, never globally.
#
include_guard(GLOBAL)

if(NOT MLIR_DIR)
  set(MLIR_DIR /usr/lib/llvm-22/lib/cmake/mlir)
endif()
find_package(MLIR REQUIRED CONFIG)
if(NOT LLVM_VERSION_MAJOR EQUAL 22)
  message(FATAL_ERROR "nasc needs MLIR/LLVM 22, found ${LLVM_PACKAGE_VERSION} at ${MLIR_DIR}")
endif()
message(STATUS "Using MLIR ${LLVM_PACKAGE_VERSION} from ${MLIR_DIR}")

set(LLVM_RUNTIME_OUTPUT_INTDIR ${CMAKE_BINARY_DIR}/bin)
set(LLVM_LIBRARY_OUTPUT_INTDIR ${CMAKE_BINARY_DIR}/lib)
set(MLIR_BINARY_DIR ${CMAKE_BINARY_DIR})
list(APPEND CMAKE_MODULE_PATH "${MLIR_CMAKE_DIR}" "${LLVM_CMAKE_DIR}")
include(TableGen)
include(AddLLVM)
include(AddMLIR)

add_library(nasc_mlir INTERFACE)
target_include_directories(nasc_mlir SYSTEM INTERFACE ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
separate_arguments(_nasc_llvm_defs UNIX_COMMAND "${LLVM_DEFINITIONS}")
target_compile_options(nasc_mlir INTERFACE ${_nasc_llvm_defs})
if(NOT LLVM_ENABLE_RTTI)
  target_compile_options(nasc_mlir INTERFACE -fno-rtti)
endif()

# Debian's MLIR libraries are static archives, but every one of them links the
# imported shared target LLVM (libLLVM.so, which needs ICU, z3 and libxml2).
# For a static build, point that target at a linker script that groups LLVM's
# static component archives instead.
if(NASC_STATIC_LLVM)
  find_program(NASC_LLVM_CONFIG llvm-config PATHS ${LLVM_TOOLS_BINARY_DIR} NO_DEFAULT_PATH REQUIRED)
  execute_process(COMMAND ${NASC_LLVM_CONFIG} --link-static --libfiles
    OUTPUT_VARIABLE _files OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  separate_arguments(_files UNIX_COMMAND "${_files}")
  list(FILTER _files EXCLUDE REGEX "Polly")
  list(JOIN _files " " _group)
  set(_script ${CMAKE_BINARY_DIR}/llvm-static.ld)
  file(WRITE ${_script} "GROUP ( ${_group} )\n")
  get_target_property(_configs LLVM IMPORTED_CONFIGURATIONS)
  foreach(_config ${_configs})
    set_target_properties(LLVM PROPERTIES
      IMPORTED_LOCATION_${_config} ${_script}
      IMPORTED_SONAME_${_config} "")
  endforeach()
  # z3 and libxml2 are only needed by parts of LLVM that nasc never calls;
  # link the rest of the system libraries only when something uses them.
  execute_process(COMMAND ${NASC_LLVM_CONFIG} --link-static --system-libs
    OUTPUT_VARIABLE _sys OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  separate_arguments(_sys UNIX_COMMAND "${_sys}")
  list(FILTER _sys EXCLUDE REGEX "z3|xml2")
  set_property(TARGET LLVM APPEND PROPERTY INTERFACE_LINK_LIBRARIES ${_sys})
  message(STATUS "Linking LLVM statically (${_script})")
endif()

# Debian's MLIRExecutionEngine names the shared libMLIR.so as a dependency;
# with our static MLIR archives that would be a second copy of MLIR in the
# process (its type registrations clash). Name the static parts instead.
set_target_properties(MLIRExecutionEngine PROPERTIES INTERFACE_LINK_LIBRARIES
  "LLVM;MLIRExecutionEngineUtils;MLIRTargetLLVMIRExport;MLIRLLVMDialect;MLIRIR;MLIRSupport")

# Directory-scoped include paths for mlir-tblgen in the MLIR components.
macro(nasc_use_mlir_includes)
  include_directories(SYSTEM ${LLVM_INCLUDE_DIRS} ${MLIR_INCLUDE_DIRS})
endmacro()

# The ODS outputs of one dialect: `<Prefix>Ops.td` gives its ops and dialect
# classes (`Nasc<Prefix>OpsIncGen`) and its page in docs/dialects/.
function(nasc_dialect_tablegen prefix dialect)
  set(LLVM_TARGET_DEFINITIONS ${prefix}Ops.td)
  mlir_tablegen(${prefix}Ops.h.inc -gen-op-decls)
  mlir_tablegen(${prefix}Ops.cpp.inc -gen-op-defs)
  mlir_tablegen(${prefix}Dialect.h.inc -gen-dialect-decls -dialect=${dialect})
  mlir_tablegen(${prefix}Dialect.cpp.inc -gen-dialect-defs -dialect=${dialect})
  add_public_tablegen_target(Nasc${prefix}OpsIncGen)
  add_mlir_doc(${prefix}Ops ${prefix}Dialect dialects/ -gen-dialect-doc -dialect=${dialect})
endfunction()
