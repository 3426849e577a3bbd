#!/usr/bin/env python3
"""seeds.py -- writes a fuzz seed corpus into OUTDIR (never committed).

Seeds come from the repository's text fixtures (examples/*.txt, tests/**/*.txt)
and from ../shared/examples, cut at paragraph breaks into pieces of at most
MAX bytes, plus a few hand-written quotation styles. Each seed starts with the
control byte fuzz_extract.c reads (options), cycled so that every option is
seeded.

    fuzz/seeds.py OUTDIR [SHARED]
"""
import glob
import hashlib
import os
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


def main():
    outdir = sys.argv[1]
    shared = sys.argv[2] if len(sys.argv) > 2 else '../shared'
    os.makedirs(outdir, exist_ok=True)
    files = sorted(glob.glob('examples/*.txt') + glob.glob('tests/**/*.txt', recursive=True) +
                   glob.glob(os.path.join(shared, 'examples', '*.txt')))
    texts = [s if isinstance(s, bytes) else s.encode() for s in STYLES]
    for f in files:
        with open(f, 'rb') as fh:
            texts.extend(pieces(fh.read()))
    for i, t in enumerate(texts):
        seed = bytes([CONTROL[i % len(CONTROL)]]) + t
        name = hashlib.sha1(seed).hexdigest()
        with open(os.path.join(outdir, name), 'wb') as fh:
            fh.write(seed)
    print(f'seeds: {len(texts)} in {outdir}')


if __name__ == '__main__':
    main()
