#!/bin/sh
# pathological.sh -- what tests/cli/hostile.sh does not cover: offsets
# checked against Python's own decoding, one 10 MB line, inputs that were
# quadratic (a run-on sentence, ten thousands of speakers), output size.
# Each run has a generous bound (LIMIT seconds) that quadratic work on these
# sizes would exceed by far. Inputs are generated here, never stored.
# Prints "ok NAME" / "not ok NAME".
HEARSAY=${HEARSAY:-build/hearsay}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
SHARED=${SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LIMIT=30

check() { # NAME CONDITION
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

gen() { # NAME PYTHON-EXPRESSION (bytes written to $T/NAME)
    python3 -c "import sys; sys.stdout.buffer.write($2)" >"$T/$1"
}

run() { # FILE... ; $rc is the status (124: timed out)
    timeout "$LIMIT" "$HEARSAY" extract --format jsonl "$@" >"$T/o" 2>"$T/e"
    rc=$?
}

# Every record's offsets against Python: for each FILE.txt given, decode
# its bytes with 'replace'; each code-point span must cut the same text as
# its byte span, each text field must be that text, and spans must sit
# inside the document. Reads the JSON Lines in $T/o; doc names are the
# paths without .txt.
offsets_match_python() {
    python3 - "$T/o" <<'EOF'
import json, sys
cache = {}
def doc(name):
    if name not in cache:
        raw = open(name + '.txt', 'rb').read()
        cache[name] = (raw, raw.decode('utf-8', 'replace'))
    return cache[name]
def same(raw, s, cp, by):
    assert 0 <= cp[0] <= cp[1] <= len(s) and 0 <= by[0] <= by[1] <= len(raw), (cp, by)
    want = raw[by[0]:by[1]].decode('utf-8', 'replace')
    assert s[cp[0]:cp[1]] == want, (cp, by, s[cp[0]:cp[1]], want)
    return want
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    raw, s = doc(r['doc'])
    parts = [same(raw, s, cp, by) for cp, by in zip(r['spans'], r['byte_spans'])]
    assert len(parts) == len(r['spans']) == len(r['byte_spans'])
    assert r['start'] == r['spans'][0][0] and r['end'] == r['spans'][-1][1]
    assert r['text'] == ' \u2026 '.join(parts), (r['text'], parts)
    for k in ('speaker', 'cue', 'addressee'):
        m = r.get(k)
        if m:
            assert m['text'] == same(raw, s, (m['start'], m['end']), (m['byte_start'], m['byte_end']))
    n += 1
assert n > 0
EOF
}

# Hostile bytes around and inside quotations: invalid sequences of every
# kind, NUL, a BOM, CRLF, U+2028, astral characters.
gen hostile.txt 'b"\xef\xbb\xbfRon Klain said Tuesday that \"caf\xc3\xa9 \xff\xfe\xc3 ok\" was fine.\r\n\r\n\xe2\x80\x9cWe \xed\xa0\x80 act \xf0\x9f\x98\x80 now,\xe2\x80\x9d Klain told host Mehdi Hasan.\xe2\x80\xa8\x00 \xe2\x80\x9cThe \xf4\x90\x80\x80 end \xe0\x80\x80,\xe2\x80\x9d he said. \xc2\xabNon\xc2\xbb, dit-il.\n" * 50'
run "$T/hostile.txt"
check offsets_follow_python_on_hostile_bytes '[ $rc = 0 ] && offsets_match_python'

# brat and text output of the same bytes open as strict UTF-8 (score.py
# reads .ann files that way).
timeout "$LIMIT" "$HEARSAY" extract --format brat --out-dir "$T/brat" "$T/hostile.txt" 2>/dev/null
timeout "$LIMIT" "$HEARSAY" extract --format text "$T/hostile.txt" >"$T/text" 2>/dev/null
check brat_and_text_output_are_utf8 '[ -s "$T/brat/hostile.ann" ] &&
    python3 -c "import sys; [open(f, encoding=\"utf-8-sig\").read() for f in sys.argv[1:]]" \
        "$T/brat/hostile.ann" "$T/text" 2>/dev/null'

if [ -d "$SHARED/data/polnear/dev/text" ]; then
    run "$SHARED"/data/polnear/dev/text/*.txt examples/klain-taliban.txt
    check offsets_follow_python_on_polnear_dev '[ $rc = 0 ] && offsets_match_python'
fi

# One 10 MB line of real text (no line break): one paragraph, processed.
python3 -c '
import sys
art = open("examples/klain-taliban.txt", "rb").read().replace(b"\n", b" ")
sys.stdout.buffer.write((art * (10 * 2**20 // len(art) + 1))[:10 * 2**20])' >"$T/line10m.txt"
run "$T/line10m.txt"
check ten_mb_single_line_processed '[ $rc = 0 ] && [ "$(wc -l <"$T/o")" -gt 1000 ]'
rm -f "$T/line10m.txt"

# Over --max-doc-bytes by one byte: named, skipped, the next file done.
printf '"Fine," Ann Lee said.\n' >"$T/small.txt"
gen over.txt 'b"x" * 1025'
run --max-doc-bytes 1K "$T/over.txt" "$T/small.txt"
check one_byte_over_the_limit '[ $rc = 1 ] && grep -q "over.*max-doc-bytes" "$T/e" &&
    grep -q small "$T/o"'

# A paragraph with no full stop the tokenizer trusts: the output was
# quadratic (contents run to the sentence's end).
gen runon.txt 'b"They told officials, who said no. " * 300000'
run "$T/runon.txt"
check run_on_sentence_output_linear '[ $rc = 0 ] &&
    [ "$(wc -c <"$T/o")" -lt $((100 * $(wc -c <"$T/runon.txt"))) ]'

# Tens of thousands of distinct speakers, pronouns, descriptions in one
# document: speaker resolution was quadratic.
python3 -c '
import random, sys
random.seed(7)
w = lambda: "".join(random.choice("bcdfghklmnprstvz") + random.choice("aeiou") for _ in range(3)).capitalize()
out = []
for i in range(60000):
    out.append(f"Spokesman {w()} {w()} said that the plan would fail. \"We know,\" she said. The senator, who spoke later, said that it would not.\n")
sys.stdout.write("".join(out))' >"$T/speakers.txt"
run "$T/speakers.txt"
check many_speakers_in_time '[ $rc = 0 ] && [ "$(wc -l <"$T/o")" -gt 60000 ]'

# A JSON Lines corpus whose articles hold escapes Python decodes the same
# way: \u0000, surrogate pairs, a lone surrogate (json-c writes U+FFFD).
python3 -c '
import json
texts = ["Ann said \u0000 \"we \ud83d\ude00 act,\" she said.", "\"\u00e9t\u00e9,\" Lee said.", "x"]
for i, t in enumerate(texts):
    print(json.dumps({"id": f"d{i}", "text": t}))' >"$T/esc.jsonl"
run "$T/esc.jsonl"
check jsonl_escapes_processed '[ $rc = 0 ] && grep -q "\"d0\"" "$T/o" && grep -q "\"d1\"" "$T/o"'
