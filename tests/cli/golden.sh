#!/bin/sh
# golden.sh -- the defining example (examples/klain-taliban.txt, gold in
# ../shared/examples): every direct and mixed attribution found with the
# right speaker mention and resolved name, and the text view, the JSON
# Lines and the brat output agree. Prints "ok NAME" / "not ok NAME".
HEARSAY=${HEARSAY:-build/hearsay}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
"$HEARSAY" extract --format jsonl --date 2021-09-01 examples/klain-taliban.txt >"$T/out.jsonl"
echo "$?" >"$T/rc"
python3 - "$T/out.jsonl" "$(cat "$T/rc")" <<'PY'
import json, sys
path, rc = sys.argv[1], int(sys.argv[2])
recs = [json.loads(l) for l in open(path, encoding='utf-8')]
def check(name, cond):
    print(('ok ' if cond else 'not ok ') + name)
check('golden: exit status 0', rc == 0)
text = open('examples/klain-taliban.txt', encoding='utf-8').read()
check('golden: offsets index the text', all(text[r['start']:r['end']] and
      all(text[a:b] for a, b in r['spans']) for r in recs))
# (opening words of the content, speaker mention, resolved name)
expect = [
    ('“I don’t think any time soon,”', 'Klain', 'Ron Klain'),
    ('“Will the U.S. be recognizing', 'Me', 'Mehdi Hasan'),
    ('“I don’t think anytime soon, I', 'White House chief of staff Ron Klain', 'Ron Klain'),
    ('“What we know is that', 'Klain', 'Ron Klain'),
    ('“They’re not good guys', 'Biden', 'Joe Biden'),
    ('“If we can work in the new Afghan', 'Blinken', 'Antony Blinken'),
    ('“We have communication channels', 'Zabihullah Mujahid', 'Zabihullah Mujahid'),
    ('“our vital national interests”', 'Secretary of State Antony Blinken', 'Antony Blinken'),
]
for start, mention, name in expect:
    hit = [r for r in recs if r['text'].startswith(start)]
    sp = hit[0]['speaker'] if hit else None
    got = (sp or {}).get('text'), (sp or {}).get('name')
    check(f'golden: {start[:30]} -> {mention} = {name} (got {got})',
          bool(hit) and got == (mention, name))
split = [r for r in recs if r['text'].startswith('“I don’t think any time soon,”')]
check('golden: the split quotation is one attribution in two parts',
      bool(split) and len(split[0]['spans']) == 2)
cont = [r for r in recs if r['text'].startswith('“What we know')]
check('golden: the continued quotation joins its attribution',
      bool(cont) and len(cont[0]['spans']) == 2 and 'conduct is' in cont[0]['text'])
check('golden: nothing from the related headline',
      not any('REAP WHAT' in r['text'] or 'HANDS FULL' in r['text'] for r in recs))
check('golden: the told-addressee is host Mehdi Hasan',
      bool(split) and (split[0]['addressee'] or {}).get('text') == 'host Mehdi Hasan')
PY
# score.py on the brat output: end-to-end F1 over the 18 gold attributions
SHARED=${SHARED:-../shared}
mkdir -p "$T/brat"
"$HEARSAY" extract --format brat --out-dir "$T/brat" --date 2021-09-01 examples/klain-taliban.txt
js=$(python3 "$SHARED/eval/score.py" --gold "$SHARED/examples" --format brat --pred "$T/brat" --json)
python3 -c '
import json, sys
s = json.loads(sys.argv[1])
print(("ok" if s["all"]["e2e_f1"] >= 0.70 else "not ok") + " golden: score.py end-to-end F1 %.3f >= 0.70" % s["all"]["e2e_f1"])
print(("ok" if s["direct"]["speaker"] == 1.0 else "not ok") + " golden: every direct speaker right")
' "$js"
