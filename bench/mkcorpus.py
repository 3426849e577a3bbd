#!/usr/bin/env python3
"""Writes a JSON Lines corpus of at least SIZE bytes to OUT by repeating the
articles of a folder of *.txt files (PolNeAR train), each copy with a
distinct id ("NAME-R" for round R) and the fields a real corpus has (id,
date, url, outlet, title, text).

    mkcorpus.py TEXT_DIR SIZE_BYTES OUT
"""
import json
import os
import sys


def articles(folder):
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), "rb") as f:
                text = f.read().decode("utf-8", "surrogateescape")
            yield name[:-4], text


def main():
    folder, size, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    docs = list(articles(folder))
    if not docs:
        sys.exit("mkcorpus: no *.txt in %s" % folder)
    written, rnd = 0, 0
    with open(out + ".tmp", "wb") as f:
        while written < size:
            for name, text in docs:
                outlet = name.split("_", 1)[0]
                rec = {"id": "%s-%d" % (name, rnd), "date": "2016-10-01",
                       "url": "https://%s.example/%s" % (outlet, name),
                       "outlet": outlet, "title": name, "text": text}
                line = json.dumps(rec, ensure_ascii=False) + "\n"
                data = line.encode("utf-8", "surrogateescape")
                f.write(data)
                written += len(data)
            rnd += 1
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
