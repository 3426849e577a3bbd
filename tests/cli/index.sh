#!/bin/sh
# The index commands from the outside: PolNeAR dev end to end, incremental
# re-indexing, and crash safety (kill -9 at several points, by the
# fault-injection switches and from outside, then a rerun must equal a
# clean run). Prints "ok NAME" / "not ok NAME" lines.
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
DEV="$SHARED/data/polnear/dev/text"
TRAIN="$SHARED/data/polnear/train/text"
T=$(mktemp -d /tmp/hearsay-index-test.XXXXXX)
trap 'rm -rf "$T"' EXIT

if ! "$HEARSAY" stats --help > /dev/null 2>&1; then
    echo "not ok hearsay_runs ($HEARSAY)"
    exit 1
fi

check() { # NAME CONDITION-EXIT-STATUS
    if [ "$2" -eq 0 ]; then echo "ok $1"; else echo "not ok $1"; fi
}
stats() { "$HEARSAY" stats --db "$1" --json; }
integrity() { sqlite3 "$1" 'PRAGMA integrity_check;'; }
# Everything indexed, row by row, in a stable order (stronger than counts);
# a file without attributions dumps as "empty", never equal to a real one.
dump() {
    [ "$(sqlite3 "$1" 'SELECT count(*) > 0 FROM attributions;' 2> /dev/null)" = 1 ] || { echo empty; return; }
    sqlite3 "$1" "SELECT r.doc, a.seq, a.kind, a.text, a.spans, coalesce(c.name, '')
        FROM attributions a JOIN articles r ON r.id = a.article_id
        LEFT JOIN speakers s ON s.id = a.speaker_id
        LEFT JOIN speakers c ON c.id = s.canonical ORDER BY r.doc, a.seq;" | md5sum
}
json_field() { # FILE PYTHON-EXPRESSION-over-list-of-objects
    python3 -c "import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; print($2)" "$1"
}

# ---------------------------------------------------------------- dev
"$HEARSAY" index -q --db "$T/dev.db" "$DEV"
check index_dev_exit $?
s1=$(stats "$T/dev.db")
n=$(printf '%s' "$s1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])')
[ "$n" = 84 ]; check index_dev_84_articles $?

"$HEARSAY" search --db "$T/dev.db" --json Clinton > "$T/clinton.jsonl"
check search_exit $?
k=$(json_field "$T/clinton.jsonl" 'sum("clinton" in r["text"].lower() for r in rows)')
[ "${k:-0}" -ge 1 ]; check search_clinton_finds_attributions $?
keys=$(json_field "$T/clinton.jsonl" '",".join(k for k in ["doc","kind","text","start","end","spans","byte_spans","speaker","cue","addressee","url","outlet"] if not all(k in r for r in rows))')
[ -z "$keys" ] && [ "$k" -ge 1 ]; check search_json_has_extract_fields $?

"$HEARSAY" speakers --db "$T/dev.db" --json --top 50 > "$T/speakers.jsonl"
check speakers_exit $?
q=$(json_field "$T/speakers.jsonl" 'max([r["quotes"] for r in rows if r["name"] == "Donald Trump"] or [0])')
[ "${q:-0}" -ge 10 ]; check speakers_donald_trump_10_quotes $?

"$HEARSAY" speakers --db "$T/dev.db" --top 5 > "$T/speakers.txt"
grep -q 'Donald Trump' "$T/speakers.txt"; check speakers_table $?

"$HEARSAY" search --db "$T/dev.db" --speaker Trump --limit 500 --json > "$T/trump.jsonl"
bad=$(json_field "$T/trump.jsonl" 'sum(r["speaker"]["canonical"] != "Donald Trump" for r in rows)')
cnt=$(wc -l < "$T/trump.jsonl")
[ "$cnt" -ge 10 ] && [ "$bad" = 0 ]; check search_speaker_filter $?

j=$("$HEARSAY" index --json --db "$T/dev.db" "$DEV" | python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["new"], r["unchanged"], r["failed"])')
[ "$j" = "0 84 0" ]; check index_json_summary $?
"$HEARSAY" index --db "$T/dev.db" "$DEV" 2> "$T/again.err"
check reindex_exit $?
grep -q '0 new, 0 replaced, 84 unchanged' "$T/again.err"; check reindex_skips_all $?
[ "$(stats "$T/dev.db")" = "$s1" ]; check reindex_stats_unchanged $?

# search --json carries extract's fields with extract's values and order
EX="$(dirname "$0")/../../examples/klain-taliban.txt"
"$HEARSAY" extract --format jsonl "$EX" > "$T/ex.jsonl"
"$HEARSAY" index -q --db "$T/ex.db" "$EX"
"$HEARSAY" search --db "$T/ex.db" --json --limit 1000 > "$T/exs.jsonl"
python3 - "$T/ex.jsonl" "$T/exs.jsonl" <<'PY'
import json, sys
ex = [json.loads(l) for l in open(sys.argv[1])]
hits = {(h["start"], h["end"], h["kind"]): h for h in map(json.loads, open(sys.argv[2]))}
assert ex and len(hits) == len(ex), (len(ex), len(hits))
for e in ex:
    h = hits[(e["start"], e["end"], e["kind"])]
    keys = [k for k in h if k in e]
    assert keys == list(e.keys()), (keys, list(e.keys()))
    for k, v in e.items():
        if k in ("speaker", "addressee") and v:
            v = dict(v); h[k].pop("canonical", None)
        assert h[k] == v, (k, h[k], v)
PY
check search_json_equals_extract_jsonl $?

# ------------------------------------------------- changed text replaced
mkdir -p "$T/few"
for f in $(ls "$DEV" | head -3); do cp "$DEV/$f" "$T/few/"; done
"$HEARSAY" index -q --db "$T/few.db" "$T/few"
first=$(ls "$T/few" | head -1)
printf '\nThe mayor said, "We will rebuild the old bridge by Friday."\n' >> "$T/few/$first"
"$HEARSAY" index --db "$T/few.db" "$T/few" 2> "$T/few.err"
grep -q '0 new, 1 replaced, 2 unchanged' "$T/few.err"; check changed_article_replaced $?
"$HEARSAY" index -q --db "$T/few2.db" "$T/few"
[ "$(dump "$T/few.db")" = "$(dump "$T/few2.db")" ]; check replaced_equals_fresh $?
k=$("$HEARSAY" search --db "$T/few.db" --json 'rebuild bridge' | wc -l)
[ "$k" -ge 1 ]; check replaced_text_searchable $?

# ----------------------------------------------------------- usage
"$HEARSAY" search Clinton > /dev/null 2>&1; [ $? -eq 2 ]; check usage_missing_db $?
"$HEARSAY" search --db "$T/dev.db" --limit zero x > /dev/null 2>&1; [ $? -eq 2 ]; check usage_bad_limit $?
"$HEARSAY" search --db "$T/dev.db" --since 2016-13-01 x > /dev/null 2>&1; [ $? -eq 2 ]; check usage_bad_date $?
"$HEARSAY" stats --db "$T/none.db" --json > /dev/null 2>&1; [ $? -eq 1 ]; check missing_db_is_error $?
[ ! -e "$T/none.db" ]; check query_does_not_create_db $?
"$HEARSAY" search --db "$T/dev.db" --json '"(AND*' > /dev/null 2>&1; check fts_syntax_is_words $?
"$HEARSAY" index --help | grep -q 'Usage: hearsay index'; check index_help $?

# ------------------------------------------------------------- repeats
python3 "$(dirname "$0")/../../scripts/polnear_jsonl.py" "$DEV" --articles 90 > "$T/dup.jsonl"
"$HEARSAY" index -q --db "$T/dup.db" "$T/dup.jsonl"
"$HEARSAY" repeats --db "$T/dup.db" --json > "$T/rep.jsonl"
check repeats_exit $?
# 6 articles appear twice (copy 1 is dated a day later): their quotations
# must be grouped, the original first.
ok=$(json_field "$T/rep.jsonl" 'int(len(rows) > 0 and all(r["articles"] >= 2 and "~" not in r["first"]["doc"] for r in rows) and any(any(m["doc"].endswith("~1") for m in r["members"]) for r in rows))')
[ "$ok" = 1 ]; check repeats_groups_copies_first_appearance $?

# compressed JSON Lines read through the CLI's input layer
gzip -c "$T/dup.jsonl" > "$T/dup.jsonl.gz"
"$HEARSAY" index -q --db "$T/dupgz.db" "$T/dup.jsonl.gz"
check index_gzip_exit $?
[ "$(stats "$T/dupgz.db")" = "$(stats "$T/dup.db")" ]; check index_gzip_same_stats $?
n=$(sqlite3 "$T/dupgz.db" "SELECT count(*) FROM articles WHERE outlet IS NOT NULL AND date IS NOT NULL AND url LIKE 'https://%'")
[ "$n" = 90 ]; check index_jsonl_fields_kept $?

# ------------------------------------------------------------- crashes
python3 "$(dirname "$0")/../../scripts/polnear_jsonl.py" "$TRAIN" > "$T/train.jsonl"
total=$(wc -l < "$T/train.jsonl")
"$HEARSAY" index -q --batch 50 --db "$T/clean.db" "$T/train.jsonl"
clean=$(stats "$T/clean.db")
cleandump=$(dump "$T/clean.db")
count() { sqlite3 "$1" 'SELECT count(*) FROM articles;'; }

# readers query while the indexer runs (WAL): the indexer reads a FIFO fed
# 300 articles and then waits for more, inside its next batch; stats must
# answer at once with exactly the 6 committed batches of 50.
mkfifo "$T/feed"
"$HEARSAY" index -q --batch 50 --jsonl --db "$T/live.db" "$T/feed" &
pid=$!
exec 7> "$T/feed"
head -n 300 "$T/train.jsonl" >&7
n=0
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
    n=$(timeout 5 "$HEARSAY" stats --db "$T/live.db" --json 2> /dev/null | python3 -c 'import json,sys; print(json.load(sys.stdin)["articles"])' 2> /dev/null)
    [ "$n" = 300 ] && break
    sleep 0.2
done
kill -0 $pid 2> /dev/null; alive=$?
tail -n +301 "$T/train.jsonl" >&7
exec 7>&-
wait $pid; rc=$?
[ "$n" = 300 ] && [ $alive -eq 0 ] && [ $rc -eq 0 ] && [ "$(count "$T/live.db")" = "$total" ]
check readers_query_during_indexing $?

# 1. killed right after its 3rd commit: exactly 150 articles, all committed
rc=$(exec 2> /dev/null; HEARSAY_INDEX_ABORT_AFTER=3 "$HEARSAY" index -q --batch 50 --db "$T/crash.db" "$T/train.jsonl"; echo $?)
[ $rc -eq 137 ] && [ "$(count "$T/crash.db")" = 150 ] && [ "$(integrity "$T/crash.db")" = ok ]
check crash_after_commit_keeps_committed $?

# 2. rerun killed inside its 3rd batch, one article written, not committed:
#    the 150 skipped + 2 new batches are there, the half batch is not
rc=$(exec 2> /dev/null; HEARSAY_INDEX_ABORT_MID=2 "$HEARSAY" index -q --batch 50 --db "$T/crash.db" "$T/train.jsonl"; echo $?)
[ $rc -eq 137 ] && [ "$(count "$T/crash.db")" = 250 ] && [ "$(integrity "$T/crash.db")" = ok ]
check crash_mid_batch_drops_uncommitted $?

# 3. killed in the first batch of the next rerun: nothing new
rc=$(exec 2> /dev/null; HEARSAY_INDEX_ABORT_MID=0 "$HEARSAY" index -q --batch 50 --db "$T/crash.db" "$T/train.jsonl"; echo $?)
[ $rc -eq 137 ] && [ "$(count "$T/crash.db")" = 250 ]; check crash_first_batch $?

# 4. kill -9 from outside, at whatever moment it lands
"$HEARSAY" index -q --batch 20 --db "$T/crash.db" "$T/train.jsonl" &
pid=$!
sleep 0.4
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
[ "$(integrity "$T/crash.db")" = ok ] && [ "$(count "$T/crash.db")" -ge 250 ]
check kill9_leaves_consistent_file $?

# 5. the rerun completes the work: the same as a clean run, nothing doubled
"$HEARSAY" index -q --batch 50 --db "$T/crash.db" "$T/train.jsonl"
check rerun_exit $?
[ -n "$clean" ] && [ "$(stats "$T/crash.db")" = "$clean" ]; check rerun_stats_equal_clean $?
[ "$(dump "$T/crash.db")" = "$cleandump" ]; check rerun_rows_equal_clean $?
[ "$(count "$T/crash.db")" = "$total" ] && [ "$(integrity "$T/crash.db")" = ok ]
check rerun_integrity_ok $?
