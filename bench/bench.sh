#!/bin/sh
# bench.sh -- throughput of `hearsay extract --format jsonl` on a JSON Lines
# corpus built from PolNeAR train, against `wc -w` on the same file.
#
#   bench/bench.sh [--size 100M|1G|BYTES] [--gzip] [--runs N]
#
# Environment: SHARED (../shared), BUILD (build), HEARSAY ($BUILD/hearsay).
# The corpus is cached in $BUILD/bench/. Prints, for -j 1 and -j (all
# cores): MB/s, articles/s, peak RSS (GNU time), and the ratio to wc -w.
# With --gzip, also runs all cores on a gzip copy of the corpus.
set -e
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
HEARSAY=${HEARSAY:-$BUILD/hearsay}
SIZE=100M
GZIP=0
RUNS=3
while [ $# -gt 0 ]; do
    case $1 in
    --size) SIZE=$2; shift 2 ;;
    --gzip) GZIP=1; shift ;;
    --runs) RUNS=$2; shift 2 ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench: unknown option $1" >&2; exit 2 ;;
    esac
done
case $SIZE in
*G) BYTES=$((${SIZE%G} * 1000000000)) ;;
*M) BYTES=$((${SIZE%M} * 1000000)) ;;
*) BYTES=$SIZE ;;
esac
[ -x "$HEARSAY" ] || { echo "bench: no $HEARSAY (run make)" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: needs GNU time (scripts/deps.sh)" >&2; exit 1; }
TEXT=$SHARED/data/polnear/train/text
DIR=$BUILD/bench
CORPUS=$DIR/polnear-$SIZE.jsonl
mkdir -p "$DIR"
if [ ! -s "$CORPUS" ]; then
    echo "bench: building $CORPUS from $TEXT" >&2
    python3 "$(dirname "$0")/mkcorpus.py" "$TEXT" "$BYTES" "$CORPUS"
fi
if [ "$GZIP" = 1 ] && [ ! -s "$CORPUS.gz" ]; then
    gzip -c "$CORPUS" >"$CORPUS.gz"
fi

MB=$(wc -c <"$CORPUS")
ARTICLES=$(wc -l <"$CORPUS")
NPROC=$(nproc)
now() { date +%s.%N; }

# Best wall time of RUNS runs of a command (stdout to /dev/null) in $SECS;
# peak RSS in KB ($RSS) and CPU seconds, user + system ($CPU), of that run.
timed() {
    best=""
    i=0
    while [ $i -lt "$RUNS" ]; do
        t0=$(now)
        /usr/bin/time -f '%M %U %S' -o "$DIR/rss" "$@" >/dev/null 2>"$DIR/stderr" || {
            echo "bench: failed: $*" >&2; cat "$DIR/stderr" >&2; exit 1; }
        t1=$(now)
        t=$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b - a}')
        if [ -z "$best" ] || awk -v a="$best" -v b="$t" 'BEGIN{exit !(b < a)}'; then
            best=$t
            RSS=$(tail -n 1 "$DIR/rss" | cut -d' ' -f1)
            CPU=$(tail -n 1 "$DIR/rss" | awk '{print $2 + $3}')
        fi
        i=$((i + 1))
    done
    SECS=$best
}

cat "$CORPUS" >/dev/null # warm the page cache
printf 'corpus   %s: %.1f MB, %d articles\n' "$CORPUS" \
    "$(awk -v b="$MB" 'BEGIN{print b / 1e6}')" "$ARTICLES"
printf 'machine  %d cores, %s\n' "$NPROC" \
    "$(sed -n 's/^model name[^:]*: //p' /proc/cpuinfo | head -n 1)"

timed wc -w "$CORPUS"
WC=$(awk -v b="$MB" -v s="$SECS" 'BEGIN{printf "%.1f", b / 1e6 / s}')
printf '%-24s %8.1f MB/s %39s\n' "wc -w (reference)" "$WC" ""

# MB/s is wall-clock; "MB/cpu-s" divides by CPU time instead, which other
# load on the machine disturbs less.
report() { # LABEL
    mbs=$(awk -v b="$MB" -v s="$SECS" 'BEGIN{printf "%.1f", b / 1e6 / s}')
    printf '%-24s %8.1f MB/s %9.0f articles/s %7.1f MB peak RSS %6.3f x wc -w %7.1f MB/cpu-s\n' \
        "$1" "$mbs" "$(awk -v n="$ARTICLES" -v s="$SECS" 'BEGIN{print n / s}')" \
        "$(awk -v k="$RSS" 'BEGIN{print k / 1024}')" \
        "$(awk -v a="$mbs" -v w="$WC" 'BEGIN{print a / w}')" \
        "$(awk -v b="$MB" -v c="$CPU" 'BEGIN{print (c > 0) ? b / 1e6 / c : 0}')"
}

timed "$HEARSAY" extract -q --format jsonl -j 1 "$CORPUS"
report "extract -j 1"
ONE=$SECS
timed "$HEARSAY" extract -q --format jsonl -j "$NPROC" "$CORPUS"
report "extract -j $NPROC"
printf 'speed-up -j %d over -j 1: %.2f\n' "$NPROC" \
    "$(awk -v a="$ONE" -v b="$SECS" 'BEGIN{print a / b}')"
if [ "$GZIP" = 1 ]; then
    timed "$HEARSAY" extract -q --format jsonl -j "$NPROC" "$CORPUS.gz"
    report "extract -j $NPROC (.gz)"
fi
