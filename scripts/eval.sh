#!/bin/sh
# Scores hearsay on PolNeAR (dev by default) and on the bundled example with
# ../shared/eval/score.py. Usage: scripts/eval.sh [SPLIT] [--errors N]
#   SPLIT: dev (default), train, or a folder holding text/ and attributions/
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
split=${1:-dev}
[ $# -gt 0 ] && shift
case "$split" in
    */*) gold=$split ;;
    *) gold=$SHARED/data/polnear/$split ;;
esac
out=$BUILD/eval/$(basename "$gold")
rm -rf "$out" "$BUILD/eval/example"
mkdir -p "$out" "$BUILD/eval/example"
"$BUILD/hearsay" extract --format brat --out-dir "$out" "$gold"/text/*.txt
"$BUILD/hearsay" extract --format brat --out-dir "$BUILD/eval/example" --date 2021-09-01 examples/klain-taliban.txt
echo "== example (klain-taliban, brat gold)"
python3 "$SHARED/eval/score.py" --gold "$SHARED/examples" --format brat --pred "$BUILD/eval/example"
echo "== PolNeAR $(basename "$gold")"
python3 "$SHARED/eval/score.py" --gold "$gold" --format polnear --pred "$out" "$@"
