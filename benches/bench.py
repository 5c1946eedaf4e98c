#!/usr/bin/env python3
"""Benchmark `gen` in a cold process: wall time and peak RSS.

    python3 benches/bench.py            # gen pdf and gen docx on the seed
    python3 benches/bench.py --runs 20

Builds nothing: run `cargo build --release` first (CARGO_TARGET_DIR is
honoured). Each run is a fresh process, as a user or a CI job starts it;
the first run is a warm-up (page cache) and is not counted.

Targets on the 2-core reference machine: gen pdf <= 0.35 s and <= 200 MB;
gen docx <= 30 ms and <= 50 MB.

Title breaking alone (100-300 characters, target: 300 in under 50 ms) is
timed in-process by `cargo bench --bench title` (benches/title.rs).
"""
import argparse, os, resource, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
GEN = os.path.join(TARGET, "release", "gen")
SEED = os.path.join(ROOT, "data", "seed-notice.yaml")


def run_once(args):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_RDWR)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        os.execv(GEN, [GEN] + args)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"gen {' '.join(args)} failed")
    return wall, usage.ru_maxrss / 1024.0  # KiB -> MiB


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--only", choices=["pdf", "docx"])
    a = ap.parse_args()
    if not os.path.exists(GEN):
        sys.exit(f"{GEN} not found: run cargo build --release first")
    with tempfile.TemporaryDirectory() as tmp:
        for cmd in ["pdf", "docx"]:
            if a.only and cmd != a.only:
                continue
            args = [cmd, SEED, "-o", os.path.join(tmp, "out." + cmd)]
            run_once(args)  # warm-up
            walls, rss = [], []
            for _ in range(a.runs):
                w, r = run_once(args)
                walls.append(w)
                rss.append(r)
            print(
                f"gen {cmd:4} seed: wall median {statistics.median(walls)*1000:7.1f} ms"
                f"  min {min(walls)*1000:7.1f} ms  max {max(walls)*1000:7.1f} ms"
                f"  peak RSS {max(rss):6.1f} MiB  ({a.runs} cold runs)"
            )


if __name__ == "__main__":
    main()
