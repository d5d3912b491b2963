#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
# Installs nasc into a staging prefix, checks that libnas.so exports its APIs
# only, then uses it the way another project would: examples/embed built with
# find_package(nas), and a C program built with pkg-config.
set -euo pipefail
src=$1 build=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build" --prefix "$stage/prefix" > /dev/null
test -x "$stage/prefix/bin/nasc"
test -f "$stage/prefix/lib/cmake/nas/nasConfig.cmake"
! find "$stage/prefix/include" -name '*.h' -exec grep -lE '#\s*include\s*[<"](mlir|llvm)/' {} +

# libnas.so exports the embedding APIs and nothing else: the C functions and
# nas:: (what NAS_API marks), no symbol of MLIR, LLVM or the standard library.
nm -D --defined-only -C "$stage/prefix/lib/libnas.so" | awk '{ $1 = $2 = ""; print substr($0, 3) }' > "$stage/exports"
grep -qx 'nas_api_version' "$stage/exports"
grep -qx 'nas_space_from_file' "$stage/exports"
grep -q '^nas::Space::fromFile(' "$stage/exports"
grep -q '^nas::Candidate::compileFor(' "$stage/exports"
grep -q '^nas::setPipelineDebugging(' "$stage/exports"
if grep -v -e '^nas_' -e '^nas::' "$stage/exports"; then
  echo "packaging: libnas.so exports the symbols above, which are not the API" >&2
  exit 1
fi

cmake -S "$src/examples/embed" -B "$stage/embed" -G Ninja -DCMAKE_PREFIX_PATH="$stage/prefix" > /dev/null
cmake --build "$stage/embed" > /dev/null
"$stage/embed/embed" "$src/examples/fashion_mlp.nas" | tee "$stage/embed.out"
grep -q '^best: {"mlp.repeat":' "$stage/embed.out"

export PKG_CONFIG_PATH="$stage/prefix/lib/pkgconfig"
cc -std=c99 -Wall -Werror "$src/test/c-api/use_api.c" $(pkg-config --cflags --libs nas) -o "$stage/use_api"
"$stage/use_api" "$src/examples/fashion_mlp.nas"
echo "packaging: install, find_package(nas) and pkg-config work"
