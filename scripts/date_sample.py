#!/usr/bin/env python3
"""Spot-check attribution dates on PolNeAR: runs `hearsay extract --format
jsonl --date D` on each article (D from its file name, e.g.
breitbart_2016-01-05_...), counts the attributions that got a date, and
prints a random sample of them with the text around the cue, to judge by
eye; also counts undated attributions with a weekday right after the cue
(possible misses) and prints a sample of those.

Usage: scripts/date_sample.py [--split train] [--limit 300] [--sample 30]
                              [--hearsay build/hearsay] [--data DIR]
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys

WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                     r"Sunday|yesterday|today)\b")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(here, "../../shared/data/polnear"))
    ap.add_argument("--hearsay", default=os.path.join(here, "../build/hearsay"))
    ap.add_argument("--split", default="train")
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    tdir = os.path.join(a.data, a.split, "text")
    rows, texts = [], {}
    for f in sorted(os.listdir(tdir))[:a.limit]:
        m = re.match(r"[^_]+_(\d{4}-\d\d-\d\d)_", f)
        if not m or not f.endswith(".txt"):
            continue
        path = os.path.join(tdir, f)
        out = subprocess.run([a.hearsay, "extract", "--format", "jsonl", "--date",
                              m.group(1), path], capture_output=True, text=True).stdout
        texts[path] = open(path, encoding="utf-8").read()
        rows += [(path, json.loads(x)) for x in out.splitlines() if x.strip()]
    dated = [(p, r) for p, r in rows if r.get("date")]
    print(f"{len(rows)} attributions, {len(dated)} with a date")
    random.seed(a.seed)

    def show(p, r):
        t, b, e = texts[p], r["cue"]["start"], r["cue"]["end"]
        print(f"  {r.get('date') or '-':10} {t[max(0, b - 80):e + 70]!r}")

    for p, r in random.sample(dated, min(a.sample, len(dated))):
        show(p, r)
    miss = [(p, r) for p, r in rows if not r.get("date") and r.get("cue") and
            WEEKDAY.search(texts[p][r["cue"]["end"]:r["cue"]["end"] + 40].split("\n")[0])]
    print(f"{len(miss)} undated with a weekday within 40 characters after the cue")
    for p, r in random.sample(miss, min(a.sample, len(miss))):
        show(p, r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
