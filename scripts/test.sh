#!/usr/bin/env bash
# Runs the whole test suite with bun and ends with the line CI reads: "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
# No transpiler cache: the sample corpus is inlined by a macro and must be re-read every run.
export BUN_RUNTIME_TRANSPILER_CACHE_PATH=0
node_modules/.bin/bun test --timeout 120000 "$@" 2>&1 | tee build/test.log
rc=${PIPESTATUS[0]}
pass=$(grep -Eo '^ *[0-9]+ pass$' build/test.log | tail -1 | grep -Eo '[0-9]+' || echo 0)
fail=$(grep -Eo '^ *[0-9]+ fail$' build/test.log | tail -1 | grep -Eo '[0-9]+' || echo 0)
if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then fail=1; fi
echo "${pass} passed, ${fail} failed"
exit "$rc"
