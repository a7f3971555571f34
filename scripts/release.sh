#!/usr/bin/env bash
# Builds kmpdata-<os>-<arch> for each target given, then SHA256SUMS. A target the toolchain cannot
# build here is reported with the reason and the others still ship; exit 1 only if none built.
set -uo pipefail
cd "$(dirname "$0")/.."
out=dist/release
rm -rf "$out" && mkdir -p "$out"
built=0
failed=()
for t in "$@"; do
  name="kmpdata-$t"
  [[ "$t" == windows-* ]] && name="$name.exe"
  if log=$(node_modules/.bin/bun scripts/build.ts --target "bun-$t" --outfile "$out/$name" 2>&1); then
    echo "built $out/$name"
    built=$((built + 1))
  else
    failed+=("$t: $(echo "$log" | grep -v '^\s*$' | tail -1)")
  fi
done
(cd "$out" && sha256sum kmpdata-* > SHA256SUMS)
echo "SHA256SUMS written for $built binaries in $out"
if [ ${#failed[@]} -gt 0 ]; then
  echo "could not build:"
  printf '  %s\n' "${failed[@]}"
fi
[ "$built" -gt 0 ]
