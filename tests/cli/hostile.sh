#!/bin/sh
# hostile.sh -- `hearsay extract` on pathological input (issue 7): each run
# must end well within its time bound (generous, but enough to catch
# quadratic behaviour), without a crash, with valid JSON Lines output and
# the documented exit status. Prints "ok NAME" / "not ok NAME".
HEARSAY=${HEARSAY:-build/hearsay}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
LIMIT=30

check() { # NAME CONDITION
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

# Output lines are all JSON objects (none at all is fine).
valid_jsonl() {
    python3 -c '
import json, sys
for line in sys.stdin:
    assert isinstance(json.loads(line), dict)' <"$1" 2>/dev/null
}

# Runs extract on FILE with extra options; $rc is its status (124: timed
# out, >128: killed by a signal).
run() {
    f=$1
    shift
    timeout "$LIMIT" "$HEARSAY" extract --format jsonl "$@" "$f" \
        >"$T/o" 2>"$T/e"
    rc=$?
}

fine() { # the run ended by itself, output valid, status as expected
    [ "$rc" = "$1" ] && valid_jsonl "$T/o"
}

gen() { # NAME PYTHON-EXPRESSION (bytes written to $T/NAME)
    python3 -c "import sys; sys.stdout.buffer.write($2)" >"$T/$1"
}

gen random.txt 'open("/dev/urandom", "rb").read(5 << 20)'
run "$T/random.txt"
check random_5mb 'fine 0 && grep -q "random.*UTF-8" "$T/e"'

gen badutf8.txt 'b"Ann Lee said \"caf\xe9 \xff\xfe\xc3 ok\" on Monday. \"We \xed\xa0\x80 act,\" she said.\n" * 1000'
run "$T/badutf8.txt"
check invalid_utf8_in_quotes 'fine 0 && [ -s "$T/o" ] && grep -q "badutf8.*U+FFFD" "$T/e"'

gen nul.txt 'b"Ann Lee said\0 \"we\0will act,\" she\0 said.\0\n" * 1000'
run "$T/nul.txt"
check nul_bytes 'fine 0'

gen line100m.txt 'b"a" * (100 << 20)'
run "$T/line100m.txt"
check line_100mb_skipped 'fine 1 && grep -q "line100m.*max-doc-bytes" "$T/e"'
{ printf '{"id":"huge","text":"'; cat "$T/line100m.txt"; printf '"}\n'; } >"$T/huge.jsonl"
printf '{"id":"after","text":"\\"Fine,\\" Ann Lee said."}\n' >>"$T/huge.jsonl"
run "$T/huge.jsonl"
check jsonl_line_100mb_skipped 'fine 1 && grep -q "huge.jsonl:1:" "$T/e" &&
    grep -q "\"after\"" "$T/o"'
rm -f "$T/line100m.txt" "$T/huge.jsonl"

gen ten_mb.txt '(b"Mayor Ann Lee told reporters on Monday that the bridge would reopen. " b"\"It is safe,\" Lee said. \"We checked every bolt.\"\n\n") * 85000'
run "$T/ten_mb.txt"
check ten_mb_document_processed 'fine 0 && [ -s "$T/o" ]'

gen quotes.txt '"\u201c".encode() * 1000000'
run "$T/quotes.txt"
check million_open_quotes 'fine 0'
gen straight.txt 'b"\"" * 1000001'
run "$T/straight.txt"
check million_straight_quotes 'fine 0'

gen nested.txt 'b"He said " + b"\"a \x27b " * 20000 + b"c\x27 d\"" * 20000 + b".\n"'
run "$T/nested.txt"
check deeply_nested_quotes 'fine 0'

gen crlf.txt 'b"\xef\xbb\xbfRon Smith said Tuesday that taxes would rise.\r\n\r\n\"We will act,\" he said.\r\n"'
run "$T/crlf.txt"
check crlf_and_bom 'fine 0 && [ -s "$T/o" ]'

: >"$T/empty.txt"
run "$T/empty.txt"
check empty_file 'fine 0 && [ ! -s "$T/o" ]'
: >"$T/empty.jsonl"
run "$T/empty.jsonl"
check empty_jsonl 'fine 0 && [ ! -s "$T/o" ]'

gen binary.jsonl 'open("/dev/urandom", "rb").read(1 << 20)'
run "$T/binary.jsonl"
check binary_as_jsonl 'fine 1 && grep -q "binary.jsonl:1:" "$T/e"'
