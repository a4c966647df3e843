#!/usr/bin/env bash
# Runs the test suite with a CPU-bound process beside it, as on a busy 2-core machine: the suite must pass, only
# slower (tests wait on events, never on wall time). `bash scripts/test-beside-load.sh [vitest args]`
set -euo pipefail
cd "$(dirname "$0")/.."
node -e 'for (;;) {}' &
burner=$!
trap 'kill "$burner" 2>/dev/null || true' EXIT
echo "test-beside-load: a CPU-bound process ($burner) runs beside the suite on $(nproc) cores"
npx vitest run "$@"
