#===- NascInstall.cmake - cmake --install: headers, libraries, package ----===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# Installs the tools, libnas.so (nas::compiler), the MLIR-free static
# libraries nas::space, nas::search, nas::runtime and nas::builtins (the
# language's op and setting tables, whose defaults the algorithms use), their public headers,
# a CMake package (find_package(nas CONFIG)) and a pkg-config file (nas.pc).
#
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set_target_properties(nascSpace PROPERTIES EXPORT_NAME space)
set_target_properties(nascBuiltins PROPERTIES EXPORT_NAME builtins)
set_target_properties(nascSearch PROPERTIES EXPORT_NAME search)
set_target_properties(nascRuntime PROPERTIES EXPORT_NAME runtime)

install(TARGETS nasc nas-opt RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS nas nascSpace nascBuiltins nascSearch nascRuntime EXPORT nasTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})

# Only MLIR-free headers are public.
install(FILES ${CMAKE_SOURCE_DIR}/compiler/include/nas/Compiler/Compiler.h
  ${CMAKE_SOURCE_DIR}/compiler/include/nas/Compiler/Export.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/nas/Compiler)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/search/include/nas/Search ${CMAKE_SOURCE_DIR}/search/space/include/nas/Search
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/nas)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/runtime/include/nas/Runtime DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/nas)
install(FILES ${CMAKE_SOURCE_DIR}/nas-c/include/nas-c/nas.h DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/nas-c)
install(FILES ${CMAKE_SOURCE_DIR}/dsl/include/nas/DSL/Builtins.h ${CMAKE_SOURCE_DIR}/dsl/include/nas/DSL/ShapeRules.h
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/nas/DSL)

set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/nas)
install(EXPORT nasTargets NAMESPACE nas:: DESTINATION ${_cmake_dir})
file(WRITE ${CMAKE_BINARY_DIR}/nasConfig.cmake.in [=[
@PACKAGE_INIT@
include(CMakeFindDependencyMacro)
find_dependency(ZLIB)
find_dependency(SQLite3)
include("${CMAKE_CURRENT_LIST_DIR}/nasTargets.cmake")
check_required_components(nas)
]=])
configure_package_config_file(${CMAKE_BINARY_DIR}/nasConfig.cmake.in ${CMAKE_BINARY_DIR}/nasConfig.cmake
  INSTALL_DESTINATION ${_cmake_dir})
write_basic_package_version_file(${CMAKE_BINARY_DIR}/nasConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/nasConfig.cmake ${CMAKE_BINARY_DIR}/nasConfigVersion.cmake DESTINATION ${_cmake_dir})

file(WRITE ${CMAKE_BINARY_DIR}/nas.pc.in [=[
prefix=@CMAKE_INSTALL_PREFIX@
libdir=${prefix}/@CMAKE_INSTALL_LIBDIR@
includedir=${prefix}/@CMAKE_INSTALL_INCLUDEDIR@

Name: nas
Description: nasc, a compiler for neural-architecture search (embedding API, C++ and C)
Version: @PROJECT_VERSION@
Libs: -L${libdir} -Wl,-rpath,${libdir} -lnas
Cflags: -I${includedir}
]=])
# The prefix is known only at install time.
install(CODE "
  set(CMAKE_INSTALL_LIBDIR \"${CMAKE_INSTALL_LIBDIR}\")
  set(CMAKE_INSTALL_INCLUDEDIR \"${CMAKE_INSTALL_INCLUDEDIR}\")
  set(PROJECT_VERSION \"${PROJECT_VERSION}\")
  set(CMAKE_INSTALL_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${CMAKE_BINARY_DIR}/nas.pc.in\" \"${CMAKE_BINARY_DIR}/nas.pc\" @ONLY)
  file(INSTALL \"${CMAKE_BINARY_DIR}/nas.pc\" DESTINATION \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_LIBDIR}/pkgconfig\")
")
