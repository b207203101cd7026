#!/usr/bin/env bash
# bench/crash.sh — the long crash test (issue 8): a writer process is killed
# with SIGKILL at random moments KILLS times (default 500); after each kill
# every acknowledged write must be in the database and `check` must be
# clean. `go test ./crashtest` runs the short version (20 kills).
#
#   bench/crash.sh               # 500 kills, seed from the clock
#   KILLS=2000 SEED=42 bench/crash.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
exec go test ./crashtest -run 'TestKilledWriterLosesNoAcknowledgedWrite' -count=1 -v -timeout 2h \
	-kills "${KILLS:-500}" -seed "${SEED:-0}"
