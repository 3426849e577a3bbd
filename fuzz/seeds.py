#!/usr/bin/env python3
"""seeds.py -- writes a fuzz seed corpus into OUTDIR (never committed).

    fuzz/seeds.py extract OUTDIR [SHARED]   for fuzz_extract
    fuzz/seeds.py jsonl OUTDIR [SHARED]     for fuzz_jsonl
    fuzz/seeds.py model OUTDIR [SHARED]     for fuzz_model

extract: seeds come from the repository's text fixtures (examples/*.txt, tests/**/*.txt)
and from ../shared/examples, cut at paragraph breaks into pieces of at most
MAX bytes, plus a few hand-written quotation styles. Each seed starts with the
control byte fuzz_extract.c reads (options), cycled so that every option is
seeded.

jsonl: the CLI's JSON Lines fixtures (tests/fixtures/cli/*.jsonl) as they
are, gzip'd and zstd'd, plus the extract texts as JSON Lines articles (with
id, date, url fields), and one cut off in the middle of a line.
"""
import glob
import hashlib
import os
import json
import shutil
import subprocess
import sys

MAX = 1024
STYLES = [
    '\u201cWe will not go back,\u201d she said. \u201cNever.\u201d\n',
    '"It is done," Ron Klain told host Mehdi Hasan on Tuesday.\n',
    "He said 'no' and \"she said 'yes' to me\" later.\n",
    "''Two apostrophes,'' the senator said.\n",
    '\u00abGuillemets\u00bb, dit-il. \u00ab Avec espaces \u00bb.\n',
    '\u201cFirst paragraph of a long quotation.\n\u201cSecond one, still open.\n'
    '\u201cLast, and closed,\u201d he said.\n',
    'White House chief of staff Ron Klain: \u201cWe are leaving.\u201d\n',
    'According to officials, the plan "was never real.\n',
    'Me: \u201cAre you sure?\u201d\n\u2014 Mehdi Hasan (@mehdirhasan) September 1, 2021\n',
    '\ufeffByte order mark.\r\n"CRLF line," he said.\r\n',
    b'"Bad \xff\xfe bytes \xe2\x80," he said.\n',
]
# control bytes to cycle through: no options, each option, two together
CONTROL = [0x00, 0x01, 0x08, 0x10, 0x20, 0x29, 0x02, 0x04]


def pieces(data):
    out, cur = [], b''
    for para in data.split(b'\n'):
        if cur and len(cur) + len(para) + 1 > MAX:
            out.append(cur)
            cur = b''
        cur += para[:MAX] + b'\n'
    if cur.strip():
        out.append(cur)
    return out


def write(outdir, seed):
    with open(os.path.join(outdir, hashlib.sha1(seed).hexdigest()), 'wb') as fh:
        fh.write(seed)


def texts_of(shared):
    files = sorted(glob.glob('examples/*.txt') + glob.glob('tests/**/*.txt', recursive=True) +
                   glob.glob(os.path.join(shared, 'examples', '*.txt')))
    texts = [s if isinstance(s, bytes) else s.encode() for s in STYLES]
    for f in files:
        with open(f, 'rb') as fh:
            texts.extend(pieces(fh.read()))
    return texts


def extract_seeds(outdir, shared):
    texts = texts_of(shared)
    for i, t in enumerate(texts):
        write(outdir, bytes([CONTROL[i % len(CONTROL)]]) + t)
    return len(texts)


def jsonl_seeds(outdir, shared):
    seeds = []
    for f in sorted(glob.glob('tests/fixtures/cli/*.jsonl')):
        with open(f, 'rb') as fh:
            seeds.append(fh.read())
    lines = []
    for i, t in enumerate(texts_of(shared)):
        doc = {'id': f'doc{i}', 'text': t.decode('utf-8', 'surrogateescape')}
        if i % 2:
            doc.update(date='2021-09-01', url='https://example.com/a', outlet='x')
        line = json.dumps(doc, ensure_ascii=bool(i % 3)).encode('utf-8', 'surrogateescape')
        lines.append(line)
        seeds.append(line + b'\n')
    whole = b'\n'.join(lines) + b'\n'
    seeds.append(whole[:len(whole) // 2])
    import gzip
    packed = [gzip.compress(s) for s in seeds]
    if shutil.which('zstd'):
        packed += [subprocess.run(['zstd', '-q', '-c'], input=s, capture_output=True).stdout for s in seeds]
    for s in seeds + packed:
        write(outdir, s)
    return len(seeds) + len(packed)


def model(bits, thr, words, weights, version=1):
    import struct
    out = b'HSYMODL1' + struct.pack('<IIfI', version, bits, thr, len(words))
    for w in words:
        out += bytes([len(w)]) + w
    out += struct.pack('<I', len(weights))
    for i, v in weights:
        out += struct.pack('<If', i, v)
    return out


def model_seeds(outdir, shared):
    nan, inf = float('nan'), float('inf')
    words = [b'said', b'told', b'according', b'x' * 31, b'y' * 40]
    seeds = [
        model(8, 0.0, words[:3], [(0, 1.5), (255, -2.0)]),
        model(12, 0.5, words, [(i * 7 % 4096, (i - 50) / 10) for i in range(100)]),
        model(8, nan, words[:2], [(1, nan), (2, inf), (3, -inf), (4, 3e38)]),
        model(8, inf, [], []),
        model(24, -1.0, words[:1], [(2**24 - 1, 1.0)]),
        model(8, 0.0, words[:3], [(256, 1.0)]),         # index out of range
        model(8, 0.0, words[:3], [], version=2),        # unknown version
        model(7, 0.0, [], []),                           # bits too small
        model(12, 0.5, words, [(1, 1.0)] * 3)[:-3],     # cut off
        b'HSYMODL1', b'',
    ]
    real = 'data/hearsay.model'
    if os.path.exists(real):
        with open(real, 'rb') as fh:
            head = fh.read(4096)
        seeds += [head, head[:100]]
    for s in seeds:
        write(outdir, s)
    return len(seeds)


def main():
    kind, outdir = sys.argv[1], sys.argv[2]
    shared = sys.argv[3] if len(sys.argv) > 3 else '../shared'
    os.makedirs(outdir, exist_ok=True)
    # the index harness takes articles, as the extract one does
    n = {'extract': extract_seeds, 'index': extract_seeds, 'jsonl': jsonl_seeds,
         'model': model_seeds}[kind](outdir, shared)
    print(f'seeds: {n} in {outdir}')


if __name__ == '__main__':
    main()
