#!/usr/bin/python3
"""Must-show of issue 17: N measurements of the CNN baseline and N of the CNN pruned 30%, alternating, each a
fresh `eval --json` process, then the spread of the reported p50s and whether their 95% intervals overlap.

  /usr/bin/python3 app/src/bench/latency_pairs.py --runs 20 [--jar app/target/paretowb.jar] [--out pairs.json]

Prints one line per run and a summary; the machine's load average is printed before and after (timing on a
busy machine is noisy: the workbench marks such points itself, see "busy" in the JSON). Overlaps are counted on
the intervals of the rounds (one process) and, where `bench processes` has measured this machine's spread between
processes, on the intervals across processes (`latencyP50IntervalAcrossProcessesMs`), which are the ones a figure
from another process must be read against.
"""
import argparse
import json
import os
import statistics
import subprocess


def run(jar, extra):
    out = subprocess.run(["java", "-jar", jar, "eval", "--model", "cnn", "--json"] + extra,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def overlaps(a, b):
    return not (a[1] < b[0] or b[1] < a[0])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--jar", default="app/target/paretowb.jar")
    parser.add_argument("--out", default=None)
    args = parser.parse_args()
    print("load average before: %s" % " ".join("%.2f" % v for v in os.getloadavg()))
    base, pruned = [], []
    for i in range(args.runs):
        for name, extra, into in (("baseline", [], base), ("prune 30%", ["--prune", "0.3"], pruned)):
            m = run(args.jar, extra)
            into.append(m)
            ci = m["latencyP50IntervalMs"]
            across = m.get("latencyP50IntervalAcrossProcessesMs")
            line = "%2d %-10s p50 %.4f ms  CI [%.4f, %.4f]%s  rounds %3d%s  others %3.0f%%%s" % (
                i + 1, name, m["latencyP50Ms"], ci[0], ci[1],
                "  across processes [%.4f, %.4f]" % tuple(across) if across else "", m["latencyRounds"],
                " capped" if m["latencyCapped"] else "", 100 * (m["otherCpuShare"] or 0), " BUSY" if m["busy"] else "")
            if "sessionBaseline" in m:
                s = m["sessionBaseline"]
                line += "  | same-rounds baseline %.4f [%.4f, %.4f]: %s" % (
                    s["latencyP50Ms"], s["latencyP50IntervalMs"][0], s["latencyP50IntervalMs"][1], s["latency"])
            print(line, flush=True)
    print("load average after: %s" % " ".join("%.2f" % v for v in os.getloadavg()))

    def spread(ms, label):
        p = [m["latencyP50Ms"] for m in ms]
        w = [(m["latencyP50IntervalMs"][1] - m["latencyP50IntervalMs"][0]) / 2 / m["latencyP50Ms"] for m in ms]
        print("%-10s p50 min %.4f median %.4f max %.4f ms (max/min %.2f); CI half-width median %.1f%%, max %.1f%%;"
              " busy %d of %d" % (label, min(p), statistics.median(p), max(p), max(p) / min(p),
                                  100 * statistics.median(w), 100 * max(w), sum(m["busy"] for m in ms), len(ms)))
    spread(base, "baseline")
    spread(pruned, "prune 30%")
    for key, label in (("latencyP50IntervalMs", "rounds of one process"),
                       ("latencyP50IntervalAcrossProcessesMs", "across processes")):
        if any(m.get(key) is None for m in base + pruned):
            print("intervals %s: not in every run (run bench processes first)" % label)
            continue
        paired = sum(overlaps(b[key], p[key]) for b, p in zip(base, pruned))
        every = sum(overlaps(b[key], p[key]) for b in base for p in pruned)
        print("intervals %s: pruned 30%% overlaps the baseline run before it in %d of %d pairs; all against all"
              " %d of %d" % (label, paired, len(pruned), every, len(base) * len(pruned)))
    same_rounds = [p["sessionBaseline"]["latency"] for p in pruned]
    print("pruned 30%% against its own session's baseline timed in the same rounds: %d of %d say '%s'" % (
        same_rounds.count("no measurable difference"), len(same_rounds), "no measurable difference"))
    if args.out:
        with open(args.out, "w") as f:
            json.dump({"baseline": base, "pruned30": pruned}, f, indent=1)


if __name__ == "__main__":
    main()
