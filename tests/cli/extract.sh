#!/bin/sh
# extract.sh -- `hearsay extract` from the outside: formats, exit codes,
# inputs (files, folders, stdin, JSON Lines, gzip, zstd), threads, shards,
# --out-dir safety, --max-doc-bytes, failed writes. Prints "ok NAME" or
# "not ok NAME" per check; run from the repository root (tests/run.sh).
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
FIX=$(pwd)/tests/fixtures/cli
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

check() { # NAME CONDITION: ok when the shell condition holds
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

run() { # ARGS...: runs hearsay; stdout in $T/o, stderr in $T/e, status $rc
    "$HEARSAY" "$@" >"$T/o" 2>"$T/e"
    rc=$?
}

# Valid JSON Lines with at least one record, each with a "doc" string.
valid_jsonl() {
    python3 -c '
import json, sys
n = 0
for line in sys.stdin:
    r = json.loads(line)
    assert isinstance(r, dict) and isinstance(r["doc"], str), line
    n += 1
sys.exit(0 if n > 0 else 1)' <"$1" 2>/dev/null
}

# The sorted set of "doc" values of a JSON Lines output, one per line.
docs_of() {
    python3 -c '
import json, sys
print("\n".join(sorted({json.loads(l)["doc"] for l in sys.stdin})))' <"$1" 2>/dev/null
}

same_lines() { # A B: the same lines, in any order
    sort "$1" >"$T/sa" && sort "$2" >"$T/sb" && cmp -s "$T/sa" "$T/sb"
}

# 3000 articles made from the fixtures, distinct ids.
python3 -c '
import json, sys
docs = [json.loads(l) for l in open(sys.argv[1])]
for i in range(3000):
    print(json.dumps(dict(docs[i % len(docs)], id="doc-%d" % i)))' \
    "$FIX/corpus.jsonl" >"$T/big.jsonl"

# -------------------------------------------------------------- usage
run --help
check help_to_stdout_exit_0 '[ $rc = 0 ] && [ -s "$T/o" ] && [ ! -s "$T/e" ]'
run extract --help
check extract_help_exit_0 '[ $rc = 0 ] && grep -q -- --shard "$T/o"'
run --version
check version '[ $rc = 0 ] && grep -q "^hearsay " "$T/o"'
run
check usage_no_command '[ $rc = 2 ] && grep -q "^hearsay: " "$T/e"'
run frobnicate
check usage_unknown_command '[ $rc = 2 ] && grep -q frobnicate "$T/e"'
run extract --no-such-option "$FIX/good.txt"
check usage_bad_option '[ $rc = 2 ] && [ ! -s "$T/o" ]'
for bad in "--shard 3/2" "--shard 0/2" "--shard 1/2x" "-j 0" \
    "--format xml" "--date 2021-9-1" "--max-doc-bytes lots"; do
    # shellcheck disable=SC2086 # split on purpose
    run extract $bad "$FIX/good.txt"
    check "usage_bad_value ($bad)" '[ $rc = 2 ] && [ ! -s "$T/o" ]'
done

# ------------------------------------------------------------ formats
run extract --format jsonl "$FIX/good.txt"
check jsonl_valid '[ $rc = 0 ] && valid_jsonl "$T/o"'
check jsonl_doc_name '[ "$(docs_of "$T/o")" = "$FIX/good" ]'
run extract "$FIX/good.txt"
check jsonl_default_off_terminal '[ $rc = 0 ] && valid_jsonl "$T/o"'
run extract --format text "$FIX/good.txt"
check text_format '[ $rc = 0 ] && [ -s "$T/o" ] && ! valid_jsonl "$T/o"'
run extract --format jsonl "$FIX/corpus.jsonl"
check jsonl_corpus_valid '[ $rc = 0 ] && valid_jsonl "$T/o"'
check jsonl_corpus_ids 'docs_of "$T/o" | grep -qx tax-1 &&
    docs_of "$T/o" | grep -qx 3 && ! docs_of "$T/o" | grep -qx empty-6'
check jsonl_carries_url 'grep "\"doc\": *\"tax-1\"" "$T/o" |
    grep -q "https://news.example/tax"'
run extract --format brat --out-dir "$T/brat" "$FIX/articles"
check brat_one_ann_per_doc '[ $rc = 0 ] && [ -f "$T/brat/bridge.ann" ] &&
    [ -f "$T/brat/world/talks.ann" ] &&
    [ "$(find "$T/brat" -type f | wc -l)" -eq 3 ]'
# Every line of a .ann is a brat annotation; T-lines carry offsets.
brat_ok() {
    python3 -c '
import re, sys
n = 0
for path in sys.argv[1:]:
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("T"):
            assert re.match(r"T\d+\t[\w-]+ \d+ \d+(;\d+ \d+)*\t", line), line
            n += 1
        else:
            assert re.match(r"[EARMN#]\d*\t", line), line
sys.exit(0 if n > 0 else 1)' "$@" 2>/dev/null
}
check brat_lines_well_formed 'brat_ok "$T/brat"/*.ann "$T/brat"/world/*.ann'

# ------------------------------------------------------------- inputs
run extract "$FIX/articles"
check folder_doc_names '[ $rc = 0 ] && docs_of "$T/o" | grep -qx world/talks &&
    ! docs_of "$T/o" | grep -q articles'
"$HEARSAY" extract --doc mine <"$FIX/good.txt" >"$T/o" 2>"$T/e"
check stdin_doc_name '[ $? = 0 ] && [ "$(docs_of "$T/o")" = mine ]'
"$HEARSAY" extract <"$FIX/good.txt" >"$T/o2" 2>"$T/e"
check stdin_default_name '[ "$(docs_of "$T/o2")" = - ]'
"$HEARSAY" extract --jsonl - <"$FIX/corpus.jsonl" >"$T/o2" 2>"$T/e"
run extract "$FIX/corpus.jsonl"
check stdin_jsonl_same '[ -s "$T/o" ] && cmp -s "$T/o" "$T/o2"'
gzip -c "$FIX/corpus.jsonl" >"$T/c.jsonl.gz"
zstd -q -c "$FIX/corpus.jsonl" >"$T/c.jsonl.zst"
run extract "$T/c.jsonl.gz"
check gzip_jsonl_same '[ $rc = 0 ] && cmp -s "$T/o" "$T/o2"'
run extract "$T/c.jsonl.zst"
check zstd_jsonl_same '[ $rc = 0 ] && cmp -s "$T/o" "$T/o2"'
gzip -c "$T/big.jsonl" >"$T/b.gz"
"$HEARSAY" extract "$T/big.jsonl" >"$T/bigplain" 2>/dev/null
"$HEARSAY" extract --jsonl <"$T/b.gz" >"$T/o" 2>"$T/e"
check gzip_stdin_multi_chunk '[ -s "$T/o" ] && cmp -s "$T/o" "$T/bigplain"'
cat "$T/c.jsonl.gz" "$T/c.jsonl.gz" >"$T/cat.jsonl.gz"
run extract "$T/cat.jsonl.gz"
check gzip_concatenated_members '[ $rc = 0 ] &&
    [ $(wc -l <"$T/o") -eq $((2 * $(wc -l <"$T/o2"))) ]'
mkdir -p "$T/z"
gzip -c "$FIX/good.txt" >"$T/z/good.txt.gz"
zstd -q -c "$FIX/good.txt" >"$T/z/good.txt.zst"
cp "$FIX/good.txt" "$T/z/good.txt"
for c in gz zst; do
    "$HEARSAY" extract "$T/z/good.txt.$c" >"$T/o" 2>"$T/e"
    "$HEARSAY" extract "$T/z/good.txt" >"$T/o2" 2>"$T/e"
    check "text_${c}_same_as_plain" '[ -s "$T/o" ] && cmp -s "$T/o" "$T/o2"'
done
head -c $(($(wc -c <"$T/b.gz") / 2)) "$T/b.gz" >"$T/cut.jsonl.gz"
run extract "$T/cut.jsonl.gz"
check gzip_truncated_reported '[ $rc = 1 ] && [ -s "$T/o" ] &&
    grep -q "cut.jsonl.gz.*truncated" "$T/e"'
zstd -q -c "$T/big.jsonl" >"$T/b.zst"
head -c $(($(wc -c <"$T/b.zst") / 2)) "$T/b.zst" >"$T/cut.jsonl.zst"
run extract "$T/cut.jsonl.zst"
check zstd_truncated_reported '[ $rc = 1 ] && [ -s "$T/o" ] &&
    grep -q "cut.jsonl.zst.*truncated" "$T/e"'
head -c 3000 /dev/urandom >"$T/junk"
{ printf '\037\213'; cat "$T/junk"; } >"$T/junk.jsonl.gz"
run extract "$T/junk.jsonl.gz" "$FIX/good.txt"
check gzip_corrupt_reported '[ $rc = 1 ] && grep -q "junk.jsonl.gz:.*gzip" "$T/e" &&
    docs_of "$T/o" | grep -q "good$"'

# ------------------------------------------------------------- errors
run extract "$FIX/good.txt" "$T/missing.txt"
check missing_file_exit_1 '[ $rc = 1 ] && grep -q "missing.txt" "$T/e"'
check missing_file_good_written 'docs_of "$T/o" | grep -q "good$"'
run extract "$FIX/truncated.jsonl"
check truncated_line_exit_1 '[ $rc = 1 ]'
check truncated_line_named 'grep -q "truncated.jsonl:3:" "$T/e"'
head -n 2 "$FIX/truncated.jsonl" | "$HEARSAY" extract --jsonl >"$T/o2"
check truncated_earlier_written '[ -s "$T/o" ] && cmp -s "$T/o" "$T/o2"'
run extract "$FIX/bad.jsonl"
check bad_lines_exit_1 '[ $rc = 1 ] && docs_of "$T/o" | grep -qx tax-1'
for n in 1 2 3 4; do
    check "bad_line_${n}_named" 'grep -q "^hearsay: .*bad.jsonl:$n: " "$T/e"'
done
check bad_blank_line_no_error '! grep -q "bad.jsonl:5:" "$T/e"'
run extract --text-field body --id-field id "$FIX/bad.jsonl"
check text_field_option 'docs_of "$T/o" | grep -qx notext'
printf 'He said "caf\351 \377" loudly, Sam Ortiz said.\n' >"$T/latin1.txt"
run extract "$T/latin1.txt"
check invalid_utf8_warning '[ $rc = 0 ] && grep -q "latin1.*UTF-8" "$T/e"'

# ---------------------------------------------------------- --out-dir
mkdir -p "$T/evil/jail"
run extract --format brat --out-dir "$T/evil/jail/out" "$FIX/evil.jsonl"
check out_dir_never_escapes '[ $rc = 0 ] && [ ! -e /tmp/abs-escaped.ann ] &&
    [ "$(find "$T/evil" -type f | grep -vc "^$T/evil/jail/out/")" -eq 0 ] &&
    [ "$(find "$T/evil/jail/out" -name "*.ann" | wc -l)" -eq 5 ]'

# ---------------------------------------------------- --max-doc-bytes
python3 -c 'print("word " * 3000)' >"$T/huge.txt"
run extract --max-doc-bytes 10K "$T/huge.txt" "$FIX/good.txt"
check max_doc_bytes_text '[ $rc = 1 ] && grep -q "huge.*max-doc-bytes" "$T/e" &&
    docs_of "$T/o" | grep -q "good$"'
python3 -c '
import json
print(json.dumps({"id": "huge", "text": "word " * 3000}))
print(json.dumps({"id": "huge2", "text": "\"a\" " * 300000}))
print(json.dumps({"id": "ok", "text": "\"Fine,\" Sam said."}))' >"$T/huge.jsonl"
run extract --max-doc-bytes 10K "$T/huge.jsonl"
check max_doc_bytes_jsonl '[ $rc = 1 ] && grep -q "huge" "$T/e" &&
    grep -q "huge.jsonl:2:" "$T/e" && [ "$(docs_of "$T/o")" = ok ]'

# ------------------------------------------------ threads and shards
"$HEARSAY" extract -j 1 "$T/big.jsonl" >"$T/j1" 2>"$T/e"
"$HEARSAY" extract -j 2 "$T/big.jsonl" >"$T/j2" 2>"$T/e"
"$HEARSAY" extract -j 7 "$T/big.jsonl" >"$T/j7" 2>"$T/e"
check threads_same_output '[ -s "$T/j1" ] && cmp -s "$T/j1" "$T/j2" &&
    cmp -s "$T/j1" "$T/j7"'
POLNEAR=$SHARED/data/polnear/train/text
if [ -d "$POLNEAR" ]; then
    "$HEARSAY" extract -j 1 "$POLNEAR" >"$T/p1" 2>/dev/null
    "$HEARSAY" extract -j 2 "$POLNEAR" >"$T/p2" 2>/dev/null
    check threads_same_output_polnear '[ -s "$T/p1" ] && cmp -s "$T/p1" "$T/p2"'
fi
# The same articles as files and as JSON lines give the same output, so
# the JSON path cannot change accuracy (PolNeAR dev as the sample).
DEV=$SHARED/data/polnear/dev/text
if [ -d "$DEV" ]; then
    python3 -c '
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if name.endswith(".txt"):
        text = open(os.path.join(d, name), "rb").read().decode("utf-8", "surrogateescape")
        line = json.dumps({"id": name[:-4], "text": text}, ensure_ascii=False)
        sys.stdout.buffer.write(line.encode("utf-8", "surrogateescape") + b"\n")' \
        "$DEV" >"$T/dev.jsonl"
    "$HEARSAY" extract "$DEV" >"$T/dev.files" 2>/dev/null
    "$HEARSAY" extract "$T/dev.jsonl" >"$T/dev.lines" 2>/dev/null
    check polnear_dev_jsonl_same_as_files '[ -s "$T/dev.files" ] &&
        cmp -s "$T/dev.files" "$T/dev.lines"'
fi
"$HEARSAY" extract --shard 1/2 "$T/big.jsonl" >"$T/s1" 2>/dev/null
"$HEARSAY" extract --shard 2/2 "$T/big.jsonl" >"$T/s2" 2>/dev/null
cat "$T/s1" "$T/s2" >"$T/s12"
check shards_add_up '[ -s "$T/s1" ] && [ -s "$T/s2" ] && same_lines "$T/s12" "$T/j1"'
check shards_disjoint '[ -z "$(docs_of "$T/s1" | comm -12 - "$(docs_of "$T/s2" >"$T/d2"; echo "$T/d2")")" ]'
run extract --shard 2/2 "$FIX/bad.jsonl"
check shard_errors_once '! grep -q "bad.jsonl:1:" "$T/e" && grep -q "bad.jsonl:2:" "$T/e"'
if command -v parallel >/dev/null 2>&1; then
    parallel --will-cite "$HEARSAY" extract -q --shard {}/3 "$T/big.jsonl" \
        ::: 1 2 3 >"$T/par" 2>/dev/null
    check gnu_parallel_shards_add_up 'same_lines "$T/par" "$T/j1"'
    parallel --will-cite --pipe -N 500 -k "$HEARSAY" extract --jsonl -j 1 \
        <"$T/big.jsonl" >"$T/pipe" 2>/dev/null
    check gnu_parallel_pipe_same 'cmp -s "$T/pipe" "$T/j1"'
    PATH=$(dirname "$HEARSAY"):$PATH sh scripts/cluster/parallel-local.sh \
        "$T/big.jsonl" "$T/parts" 3 2>/dev/null
    cat "$T/parts"/part-*.jsonl >"$T/parts.all" 2>/dev/null
    check cluster_parallel_local_adds_up '[ -s "$T/parts/part-3.jsonl" ] &&
        same_lines "$T/parts.all" "$T/j1"'
fi

# ----------------------------------------------------- failed writes
( "$HEARSAY" extract "$T/big.jsonl" 2>"$T/e"; echo $? >"$T/rc" ) | head -n 1 >/dev/null
check epipe_exit_1_reported '[ "$(cat "$T/rc")" = 1 ] && grep -q "Broken pipe" "$T/e"'
if [ -w /dev/full ]; then
    run extract "$T/big.jsonl" >/dev/full
    "$HEARSAY" extract "$T/big.jsonl" >/dev/full 2>"$T/e"
    check full_disk_exit_1 '[ $? = 1 ] && grep -q "write error" "$T/e"'
fi
