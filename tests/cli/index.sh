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

check() { # NAME CONDITION-EXIT-STATUS
    if [ "$2" -eq 0 ]; then echo "ok $1"; else echo "not ok $1"; fi
}
stats() { "$HEARSAY" stats --db "$1" --json; }
integrity() { sqlite3 "$1" 'PRAGMA integrity_check;'; }
# Everything indexed, row by row, in a stable order (stronger than counts).
dump() {
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

"$HEARSAY" index --db "$T/dev.db" "$DEV" 2> "$T/again.err"
check reindex_exit $?
grep -q '0 new, 0 replaced, 84 unchanged' "$T/again.err"; check reindex_skips_all $?
[ "$(stats "$T/dev.db")" = "$s1" ]; check reindex_stats_unchanged $?

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

# ------------------------------------------------------------- crashes
python3 "$(dirname "$0")/../../scripts/polnear_jsonl.py" "$TRAIN" > "$T/train.jsonl"
total=$(wc -l < "$T/train.jsonl")
"$HEARSAY" index -q --batch 50 --db "$T/clean.db" "$T/train.jsonl"
clean=$(stats "$T/clean.db")
cleandump=$(dump "$T/clean.db")
count() { sqlite3 "$1" 'SELECT count(*) FROM articles;'; }

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
[ "$(integrity "$T/crash.db")" = ok ]; check kill9_leaves_consistent_file $?

# 5. the rerun completes the work: the same as a clean run, nothing doubled
"$HEARSAY" index -q --batch 50 --db "$T/crash.db" "$T/train.jsonl"
check rerun_exit $?
[ "$(stats "$T/crash.db")" = "$clean" ]; check rerun_stats_equal_clean $?
[ "$(dump "$T/crash.db")" = "$cleandump" ]; check rerun_rows_equal_clean $?
[ "$(count "$T/crash.db")" = "$total" ] && [ "$(integrity "$T/crash.db")" = ok ]
check rerun_integrity_ok $?
