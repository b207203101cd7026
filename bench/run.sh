#!/usr/bin/env bash
# bench/run.sh — time salesplan on an empty and a ten-year database, compare
# with Taskwarrior on the same 100k tasks, and measure the planner's peak
# memory. Results go to $BENCH_OUT (default: a new /tmp directory); the
# summary table is printed at the end and saved as results.md.
# See bench/README.md for what is measured and how.
#
#   bench/run.sh                 # TODAY=$(date +%F) SCALE=1
#   SCALE=2 RUNS=30 bench/run.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
out=${BENCH_OUT:-$(mktemp -d /tmp/salesplan-bench.XXXXXX)}
today=${TODAY:-$(date +%F)} # Taskwarrior knows only the real today: keep them equal
scale=${SCALE:-1}
runs=${RUNS:-20}
mkdir -p "$out"
echo "bench: results in $out (today $today, scale $scale)"

# --- tools
if ! command -v hyperfine >/dev/null || ! command -v task >/dev/null; then
	apt-get update -qq
	apt-get install -y -qq hyperfine taskwarrior >/dev/null
fi
for tool in hyperfine task tmux python3 /usr/bin/time; do
	command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done

# --- build
(cd "$root" && go build -o "$out/salesplan" . && go build -o "$out/tw" ./bench/tw)
sp="$out/salesplan --today $today"

# --- databases
rm -f "$out/empty.db" "$out/big.db"
$sp --db "$out/empty.db" today >/dev/null # creates the file
/usr/bin/time -v -o "$out/demo.time" $sp --db "$out/big.db" demo --scale "$scale" >/dev/null
/usr/bin/time -v -o "$out/export.time" $sp --db "$out/big.db" export --format json -o "$out/big.json" >/dev/null
/usr/bin/time -v -o "$out/today-big.time" $sp --db "$out/big.db" today >/dev/null

# --- taskwarrior with the same tasks, in its own data directory
tw_rc="$out/taskrc"
rm -rf "$out/taskdata"
mkdir -p "$out/taskdata"
printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nnews.version=2.6.0\n' "$out/taskdata" >"$tw_rc"
"$out/tw" <"$out/big.json" >"$out/taskwarrior.json"
/usr/bin/time -v -o "$out/tw-import.time" env TASKRC="$tw_rc" task import "$out/taskwarrior.json" >/dev/null 2>"$out/tw-import.log"
tw_pending=$(TASKRC="$tw_rc" task count status:pending)
tw_completed=$(TASKRC="$tw_rc" task count status:completed)

# --- timings (-N: no shell in between, so the numbers are the programs')
hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/hyperfine.json" \
	-n "salesplan today (empty db)" "$sp --db $out/empty.db today" \
	-n "salesplan today (big db)" "$sp --db $out/big.db today" \
	-n "salesplan today --json (big db)" "$sp --db $out/big.db today --json" \
	-n "salesplan week (big db)" "$sp --db $out/big.db week" \
	-n "salesplan month (big db)" "$sp --db $out/big.db month" \
	-n "salesplan client list --due (big db)" "$sp --db $out/big.db client list --due" \
	-n "salesplan promise list (big db)" "$sp --db $out/big.db promise list" \
	-n "task next" "task rc:$tw_rc next" \
	-n "task due:today" "task rc:$tw_rc due:today" \
	>"$out/hyperfine.log" 2>&1

# --- planner peak memory: the real TUI in a detached tmux terminal under
# /usr/bin/time -v, visiting every pane, then quitting with q.
tui_time="$out/tui.time"
rm -f "$tui_time"
sock="salesplan-bench-$$"
tmux -L "$sock" new-session -d -x 160 -y 50 \
	"/usr/bin/time -v -o $tui_time $sp --db $out/big.db --lang en 2>$out/tui.stderr"
sleep 3
for key in 1 2 3 4 5 6 1; do
	tmux -L "$sock" send-keys "$key"
	sleep 1.5
	tmux -L "$sock" capture-pane -p >"$out/tui-pane-$key.txt" || true
done
tmux -L "$sock" send-keys j j j l l h
sleep 1
tmux -L "$sock" send-keys q
for _ in $(seq 1 20); do
	[ -s "$tui_time" ] && break
	sleep 0.5
done
tmux -L "$sock" kill-server 2>/dev/null || true

# --- summary
python3 - "$out" "$scale" "$tw_pending" "$tw_completed" <<'PY' | tee "$out/results.md"
import json, os, re, sys
out, scale, tw_pending, tw_completed = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]

def tv(name, field):
    """A field of a /usr/bin/time -v report, or None."""
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return None
    for line in open(path):
        k, _, v = line.strip().rpartition(": ")
        if k == field:
            return v
    return None

def rss(name):
    v = tv(name, "Maximum resident set size (kbytes)")
    return f"{int(v) / 1024:.0f} MiB" if v else "n/a"

def wall(name):
    v = tv(name, "Elapsed (wall clock) time (h:mm:ss or m:ss)")
    if not v:
        return "n/a"
    parts = [float(p) for p in v.split(":")]
    secs = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
    return f"{secs:.2f} s"

res = {r["command"]: r for r in json.load(open(os.path.join(out, "hyperfine.json")))["results"]}
ms = lambda r: f'{r["mean"] * 1000:.1f} ± {r["stddev"] * 1000:.1f}'
print(f"| command | mean ± σ (ms) | min (ms) | max (ms) |")
print(f"|---|---:|---:|---:|")
for name, r in res.items():
    print(f'| {name} | {ms(r)} | {r["min"] * 1000:.1f} | {r["max"] * 1000:.1f} |')
big = res["salesplan today (big db)"]["mean"]
print()
print("| ratio | value |")
print("|---|---:|")
print(f'| salesplan today: big db / empty db | {big / res["salesplan today (empty db)"]["mean"]:.2f}× |')
print(f'| task next / salesplan today (big db) | {res["task next"]["mean"] / big:.1f}× |')
print(f'| task due:today / salesplan today (big db) | {res["task due:today"]["mean"] / big:.1f}× |')
print()
size = os.path.getsize(os.path.join(out, "big.db")) / 2**20
print("| measurement | value |")
print("|---|---:|")
print(f"| big db (scale {scale}) file size | {size:.0f} MiB |")
print(f"| `salesplan demo --scale {scale}`: wall time / peak RSS | {wall('demo.time')} / {rss('demo.time')} |")
print(f"| `salesplan export --format json` (big db): wall time / peak RSS | {wall('export.time')} / {rss('export.time')} |")
print(f"| `salesplan today` (big db): peak RSS | {rss('today-big.time')} |")
print(f"| planner (TUI) on the big db, every pane visited: peak RSS | {rss('tui.time')} |")
print(f"| `task import` of the same tasks: wall time / peak RSS | {wall('tw-import.time')} / {rss('tw-import.time')} |")
print(f"| Taskwarrior tasks pending / completed | {tw_pending} / {tw_completed} |")
PY
