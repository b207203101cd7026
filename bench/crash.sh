#!/usr/bin/env bash
# bench/crash.sh — the long crash test (issue 8): a writer process is killed
# with SIGKILL at random moments KILLS times (default 500); after each kill
# every acknowledged write must be in the database and `check` must be
# clean. Then `salesplan demo`'s import is killed IMPORTS times (default 200)
# at random moments, file creation included: each time the database must
# hold nothing or the whole demo. `go test ./crashtest` runs the short
# versions (20 kills each).
#
#   bench/crash.sh               # seed from the clock
#   KILLS=2000 IMPORTS=500 SEED=42 bench/crash.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
exec go test ./crashtest -count=1 -v -timeout 2h \
	-kills "${KILLS:-500}" -imports "${IMPORTS:-200}" -seed "${SEED:-0}"
