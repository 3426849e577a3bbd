#!/bin/sh
# hearsay clean: the article without its page debris; --explain; exit codes.
# Prints "ok NAME" / "not ok NAME" (tests/run.sh counts them).
H=${HEARSAY:-build/hearsay}
EX=examples/klain-taliban.txt
FX=tests/fixtures/context
T=$(mktemp -d) || exit 1
trap 'rm -rf "$T"' EXIT

check() { # NAME, then a command whose status says pass/fail
    name=$1; shift
    if "$@"; then echo "ok $name"; else echo "not ok $name"; fi
}

"$H" clean --help >"$T/help"; rc=$?
check clean-help-status [ "$rc" -eq 0 ]
check clean-help grep -q 'Usage: hearsay clean' "$T/help"
"$H" --help | grep -q '^  clean ' >/dev/null; rc=$?
check clean-listed [ "$rc" -eq 0 ]

# the example: the post (lines 4-7), the related headline (9) and the
# promotion (15) go; every other line stays, byte for byte
"$H" clean --date 2021-09-01 "$EX" >"$T/out"; rc=$?
sed '4,7d;9d;15d' "$EX" >"$T/want"
check clean-example-status [ "$rc" -eq 0 ]
check clean-example-body cmp -s "$T/out" "$T/want"

"$H" clean --explain "$EX" >"$T/explain"
check clean-explain-count [ "$(wc -l <"$T/explain")" -eq 6 ]
check clean-explain-post grep -q "^$EX:4: embedded-post (Mehdi Hasan @mehdirhasan 2021-09-01): Me:" "$T/explain"
check clean-explain-headline grep -q "^$EX:9: related-headline: " "$T/explain"
check clean-explain-promotion grep -q "^$EX:15: promotion: CLICK HERE" "$T/explain"

# --jsonl: one object per paragraph set aside; its code-point offsets
# select its text in the input
"$H" clean --jsonl "$EX" >"$T/jsonl"
check clean-jsonl-count [ "$(wc -l <"$T/jsonl")" -eq 6 ]
check clean-jsonl-offsets python3 -c '
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
rows = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
assert all(t[r["start"]:r["end"]] == r["text"] for r in rows)
assert rows[0]["author"] == "Mehdi Hasan" and rows[0]["date"] == "2021-09-01"
assert rows[4]["kind"] == "related-headline" and rows[4]["author"] is None
assert rows[0]["doc"] == "examples/klain-taliban"
' "$EX" "$T/jsonl"

# standard input, and a fixture with several kinds
"$H" clean - <"$EX" >"$T/stdin"
check clean-stdin cmp -s "$T/stdin" "$T/want"
"$H" clean "$FX/promotion-share.txt" >"$T/promo"
check clean-fixture [ "$(cat "$T/promo")" = "$(sed '3d;5,10d' "$FX/promotion-share.txt")" ]

# exit codes: usage 2; an unreadable file 1, the others still printed;
# a failed write 1
"$H" clean --bogus "$EX" >/dev/null 2>"$T/err"; rc=$?
check clean-usage [ "$rc" -eq 2 ]
check clean-usage-message grep -q "^hearsay: unknown option '--bogus'" "$T/err"
"$H" clean --date 2021-13-45 "$EX" >/dev/null 2>&1; rc=$?
check clean-bad-date [ "$rc" -eq 2 ]
"$H" clean "$T/missing.txt" "$EX" >"$T/out2" 2>"$T/err"; rc=$?
check clean-missing-status [ "$rc" -eq 1 ]
check clean-missing-others cmp -s "$T/out2" "$T/want"
check clean-missing-named grep -q "missing.txt" "$T/err"
if [ -w /dev/full ]; then
    "$H" clean "$EX" >/dev/full 2>/dev/null; rc=$?
    check clean-write-error [ "$rc" -eq 1 ]
fi
