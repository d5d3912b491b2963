#!/usr/bin/env bash
# Installs nasc into a staging prefix, then uses it the way another project
# would: examples/embed built with find_package(nas), and a C program built
# with pkg-config.
set -euo pipefail
src=$1 build=$2
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cmake --install "$build" --prefix "$stage/prefix" > /dev/null
test -x "$stage/prefix/bin/nasc"
test -f "$stage/prefix/lib/cmake/nas/nasConfig.cmake"
! find "$stage/prefix/include" -name '*.h' -exec grep -lE '#\s*include\s*[<"](mlir|llvm)/' {} +

cmake -S "$src/examples/embed" -B "$stage/embed" -G Ninja -DCMAKE_PREFIX_PATH="$stage/prefix" > /dev/null
cmake --build "$stage/embed" > /dev/null
"$stage/embed/embed" "$src/examples/fashion_mlp.nas" | tee "$stage/embed.out"
grep -q '^best: {"mlp.repeat":' "$stage/embed.out"

export PKG_CONFIG_PATH="$stage/prefix/lib/pkgconfig"
cc -std=c99 -Wall -Werror "$src/test/c-api/use_api.c" $(pkg-config --cflags --libs nas) -o "$stage/use_api"
"$stage/use_api" "$src/examples/fashion_mlp.nas"
echo "packaging: install, find_package(nas) and pkg-config work"
