#!/usr/bin/env python3
"""bench/ab.py — time commands interleaved, for before/after comparisons on
a shared machine.

    bench/ab.py RUNS 'CMD A' 'CMD B' …

Each round runs every command once, in turn, so a change in the machine's
load hits all of them alike (hyperfine runs one command's runs back to
back). Per command it prints the median and the minimum of the wall time
and of the CPU time (user + system, from the kernel's accounting of the
child), in milliseconds. Three rounds of warm-up are not counted.
"""
import resource
import shlex
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    runs, cmds = int(sys.argv[1]), sys.argv[2:]
    wall = {c: [] for c in cmds}
    cpu = {c: [] for c in cmds}

    def once(c):
        r0, t0 = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
        subprocess.run(shlex.split(c), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        t1, r1 = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
        return (t1 - t0) * 1000, ((r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)) * 1000

    for _ in range(3):
        for c in cmds:
            once(c)
    for _ in range(runs):
        for c in cmds:
            w, u = once(c)
            wall[c].append(w)
            cpu[c].append(u)
    print("| command | wall median (ms) | wall min (ms) | CPU median (ms) | CPU min (ms) |")
    print("|---|---:|---:|---:|---:|")
    for c in cmds:
        print(f"| `{c}` | {statistics.median(wall[c]):.2f} | {min(wall[c]):.2f} | "
              f"{statistics.median(cpu[c]):.2f} | {min(cpu[c]):.2f} |")


if __name__ == "__main__":
    main()
