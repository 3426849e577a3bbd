#!/usr/bin/env python3
"""Writes a JSON Lines corpus (id, text, date, url, outlet, title) from a
folder of PolNeAR texts, repeating it to reach a size, for index tests and
benchmarks. Outlet and date come from PolNeAR's file names
(OUTLET_YYYY-MM-DD_slug.txt). Copy k > 0 of an article gets the id
"NAME~k" and a date k days later, so every id is distinct and repeats of a
quotation have a clear first appearance. The corpus is generated, never
committed.

    scripts/polnear_jsonl.py DIR [--copies N | --articles N] > corpus.jsonl
"""
import argparse
import datetime
import json
import os
import re
import sys


def articles(folder):
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".txt"):
            continue
        with open(os.path.join(folder, name), "rb") as f:
            text = f.read().decode("utf-8", "replace")
        stem = name[:-4]
        m = re.match(r"([a-z-]+)_(\d{4}-\d{2}-\d{2})_(.*)", stem)
        outlet, date, slug = (m.group(1), m.group(2), m.group(3)) if m else (None, None, stem)
        yield stem, text, outlet, date, slug


def shifted(date, days):
    if not date or not days:
        return date
    d = datetime.date.fromisoformat(date) + datetime.timedelta(days=days)
    return d.isoformat()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--articles", type=int, default=0,
                    help="stop after this many articles (overrides --copies)")
    a = ap.parse_args()
    base = list(articles(a.folder))
    total = a.articles or a.copies * len(base)
    out = sys.stdout
    for i in range(total):
        k, (stem, text, outlet, date, slug) = divmod(i, len(base))[0], base[i % len(base)]
        rec = {"id": stem if k == 0 else "%s~%d" % (stem, k), "text": text,
               "date": shifted(date, k), "outlet": outlet,
               "url": "https://%s.example/%s" % (outlet or "news", slug),
               "title": slug.replace("-", " ")}
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
