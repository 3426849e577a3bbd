#!/bin/sh
# Runs each named fuzzer (build-fuzz/NAME) for FUZZ_SECONDS on a corpus in
# build-fuzz/corpus/NAME, seeded by fuzz/seeds.py and tests/regress/NAME.
# Exits non-zero when a fuzzer finds a crash; the input is saved as
# build-fuzz/artifacts/NAME-crash-*. Add it to tests/regress/NAME/ once fixed.
#   fuzz/run.sh fuzz_extract [fuzz_jsonl ...]
set -e
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
SHARED=${SHARED:-../shared}
B=build-fuzz
rc=0
for f in "$@"; do
    name=${f#fuzz_}
    corpus=$B/corpus/$f
    seeds=$B/seeds/$f
    mkdir -p "$corpus" "$seeds" $B/artifacts
    python3 fuzz/seeds.py "$name" "$seeds" "$SHARED" >/dev/null
    regress=tests/regress/$name
    [ -d "$regress" ] || regress=
    dict=
    [ -f "fuzz/$name.dict" ] && dict=-dict=fuzz/$name.dict
    echo "fuzz: $f for ${FUZZ_SECONDS}s" >&2
    "$B/$f" -max_total_time="$FUZZ_SECONDS" -max_len=8192 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$B/artifacts/$f-" $dict \
        "$corpus" "$seeds" $regress 2>"$B/$f.log" || rc=1
    grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|Done )' "$B/$f.log" >&2 || true
    if [ $rc -ne 0 ]; then tail -n 40 "$B/$f.log" >&2; fi
done
exit $rc
