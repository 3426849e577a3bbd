#!/usr/bin/env python3
"""Measure the page-debris classifier (src/context.c) on PolNeAR.

PolNeAR's gold marks some page debris with `Discard` spans ("Read the rest
here.", "Getty.", "Follow Pam Key on Twitter @pamkeyNEN."). Annotators did not
mark all of it, so the precision against Discard is a lower bound; --show-fp
lists what was set aside without a Discard span, for review.

Reports, per split:
  - Discard recall: Discard lines (a Discard span covers at least half of the
    line) set aside; and Discard spans that overlap a line set aside.
  - precision: lines set aside (other than embedded posts) that are Discard
    lines.
  - attributions lost: gold Content spans (every annotator) with a part in a
    line set aside as debris other than an embedded post.

Usage:
  scripts/ctx_eval.py [--data ../shared/data/polnear] [--dump build/ctxdump]
                      [--split train] [--show-fp N] [--show-fn N] [--show-lost N]
The tool given by --dump prints one line per debris paragraph:
FILE<TAB>byte_b<TAB>byte_e<TAB>kind... (scripts/ctxdump.c).
"""
import argparse
import collections
import os
import subprocess
import sys


def load_ann(path):
    """(Discard spans, Content spans) of one .ann, each a list of parts."""
    discard, content = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2 or not cols[0].startswith("T"):
                continue
            head = cols[1].split(" ", 1)
            if len(head) < 2 or head[0] not in ("Discard", "Content"):
                continue
            parts = []
            for p in head[1].split(";"):
                b, e = p.split()
                parts.append((int(b), int(e)))
            (discard if head[0] == "Discard" else content).append(parts)
    return discard, content


def lines_of(text):
    """Non-empty lines as (start, end) in code points."""
    out, b = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((b, b + len(line)))
        b += len(line) + 1
    return out


def run_dump(dump, files):
    """{file: [(byte_b, byte_e, kind)]} from the dump tool."""
    res = collections.defaultdict(list)
    for i in range(0, len(files), 200):
        out = subprocess.run([dump] + files[i:i + 200], check=True,
                             capture_output=True, text=True).stdout
        for row in out.splitlines():
            cols = row.split("\t")
            if len(cols) >= 4 and cols[1] != "date":
                res[cols[0]].append((int(cols[1]), int(cols[2]), cols[3]))
    return res


def to_cp(raw, b):
    return len(raw[:b].decode("utf-8", "replace"))


def overlap(a, b):
    return a[0] < b[1] and b[0] < a[1]


def covered(line, spans):
    """Fraction of the line's non-blank characters under the spans."""
    b, e = line
    n = sum(1 for p in spans for x in p if overlap(x, line))
    if not n:
        return 0.0
    cov = 0
    for p in spans:
        for x in p:
            cov += max(0, min(e, x[1]) - max(b, x[0]))
    return cov / max(1, e - b)


def evaluate(split_dir, dump, show):
    text_dir = os.path.join(split_dir, "text")
    ann_dir = os.path.join(split_dir, "attributions")
    anns = collections.defaultdict(list)
    for f in sorted(os.listdir(ann_dir)):
        if f.endswith(".ann"):
            anns[f.rsplit("_", 1)[0]].append(os.path.join(ann_dir, f))
    files = sorted(os.path.join(text_dir, f) for f in os.listdir(text_dir)
                   if f.endswith(".txt"))
    pred = run_dump(dump, files)
    st = collections.Counter()
    fps, fns, lost = [], [], []
    kinds = collections.Counter()
    for path in files:
        raw = open(path, "rb").read()
        text = raw.decode("utf-8", "replace")
        base = os.path.basename(path)[:-4]
        if base not in anns:
            continue
        first_discard, _ = load_ann(anns[base][0])
        aside = []  # (cp_b, cp_e, kind)
        for b, e, kind in pred.get(path, []):
            aside.append((to_cp(raw, b), to_cp(raw, e), kind))
        lines = lines_of(text)
        gold = {ln for ln in lines if covered(ln, first_discard) >= 0.5}
        for ln in lines:
            k = next((x[2] for x in aside if overlap(x, ln)), None)
            if k:
                kinds[k] += 1
            if k and k != "embedded-post":
                st["pred"] += 1
                if ln in gold:
                    st["tp"] += 1
                else:
                    fps.append((k, text[ln[0]:ln[1]][:110], base))
            if ln in gold:
                st["gold"] += 1
                if k:
                    st["gold_found"] += 1
                else:
                    fns.append((text[ln[0]:ln[1]][:110], base))
        for parts in first_discard:
            st["spans"] += 1
            st["spans_found"] += any(overlap(x, a) for x in parts for a in aside)
        body_aside = [a for a in aside if a[2] != "embedded-post"]
        for ann in anns[base]:
            _, content = load_ann(ann)
            for parts in content:
                st["contents"] += 1
                hit = [a for a in body_aside if any(overlap(x, a) for x in parts)]
                if hit:
                    st["lost"] += 1
                    lost.append((hit[0][2], text[hit[0][0]:hit[0][1]][:110],
                                 os.path.basename(ann)))
    return st, kinds, fps, fns, lost


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=os.path.join(here, "../../shared/data/polnear"))
    ap.add_argument("--dump", default=os.path.join(here, "../build/ctxdump"))
    ap.add_argument("--split", action="append")
    ap.add_argument("--show-fp", type=int, default=0)
    ap.add_argument("--show-fn", type=int, default=0)
    ap.add_argument("--show-lost", type=int, default=0)
    a = ap.parse_args()
    for split in a.split or ["train", "dev"]:
        st, kinds, fps, fns, lost = evaluate(os.path.join(a.data, split), a.dump, a)
        p = st["tp"] / st["pred"] if st["pred"] else 0.0
        r = st["gold_found"] / st["gold"] if st["gold"] else 0.0
        rs = st["spans_found"] / st["spans"] if st["spans"] else 0.0
        print(f"{split}: lines set aside by kind: {dict(sorted(kinds.items()))}")
        print(f"{split}: Discard lines: precision {p:.3f} ({st['tp']}/{st['pred']}),"
              f" recall {r:.3f} ({st['gold_found']}/{st['gold']});"
              f" Discard spans touched {rs:.3f} ({st['spans_found']}/{st['spans']})")
        print(f"{split}: gold contents lost in debris other than embedded posts:"
              f" {st['lost']} of {st['contents']}")
        for k, t, b in fps[:a.show_fp]:
            print(f"  FP {k:17} {t!r}  [{b}]")
        for t, b in fns[:a.show_fn]:
            print(f"  FN {t!r}  [{b}]")
        for k, t, b in lost[:a.show_lost]:
            print(f"  LOST {k:17} {t!r}  [{b}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
