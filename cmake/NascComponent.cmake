#===- NascComponent.cmake - One library per component ---------------------===#
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
#
# nasc_component(NAME SOURCES ... [LINK ...]) adds the static library
# `nasc<Name>` whose public headers live in `<dir>/include/nas/...`. Its
# symbols are hidden unless marked NAS_API (nas/Compiler/Export.h), so that
# libnas.so, made of these libraries, exports the embedding APIs only.
#
include_guard(GLOBAL)

function(nasc_component name)
  cmake_parse_arguments(ARG "" "" "SOURCES;LINK" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC
    $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include>
    $<INSTALL_INTERFACE:include>)
  target_compile_features(${name} PUBLIC cxx_std_20)
  set_target_properties(${name} PROPERTIES
    C_VISIBILITY_PRESET hidden CXX_VISIBILITY_PRESET hidden VISIBILITY_INLINES_HIDDEN ON)
  if(ARG_LINK)
    target_link_libraries(${name} PUBLIC ${ARG_LINK})
  endif()
endfunction()
