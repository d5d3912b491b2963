#!/usr/bin/env bash
#===- run.sh - The main job: build nasc, then check and sample the examples -===#
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh" "$root/build"
nasc="$root/build/bin/nasc"
"$nasc" --help
for f in "$root"/examples/*.nas; do
  "$nasc" check "$f"
  "$nasc" space "$f"
  "$nasc" materialize "$f" --emit summary --dna "$("$nasc" sample --seed 1 "$f")"
  echo
done
