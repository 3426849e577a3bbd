#!/bin/sh
# K-fold cross-validation on PolNeAR train: for changes smaller than the
# noise of one training order (up to about 0.004 on the validation split).
# An article's fold is the first hex digit of its name's md5, modulo K; for
# each fold the model is fitted on the other folds with make model's
# options (and any given here, e.g. --seed 1), and the fold is scored with
# ../shared/eval/score.py. Prints each fold's all-class figures and their
# means. Usage: scripts/cv.sh [K] [hearsay-train options]
set -e
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
K=${1:-4}
[ $# -gt 0 ] && shift
OPTS="--epochs 5 --heads --stem-cands 3 --start --end --cue-runs 4 --start-runs 4 --filter-runs 4 --filter --filter-threshold -3"
src=$(cd "$SHARED/data/polnear/train" && pwd)
make -s "$BUILD/hearsay-train" >/dev/null
cv=$BUILD/cv
rm -rf "$cv"
k=0
while [ "$k" -lt "$K" ]; do
    for s in fit test; do mkdir -p "$cv/$k/$s/text" "$cv/$k/$s/attributions"; done
    k=$((k + 1))
done
for f in "$src"/text/*.txt; do
    n=$(basename "$f" .txt)
    fold=$(( $(printf '%d' "0x$(printf '%s' "$n" | md5sum | cut -c1)") % K ))
    k=0
    while [ "$k" -lt "$K" ]; do
        if [ "$k" -eq "$fold" ]; then s=test; else s=fit; fi
        ln -s "$f" "$cv/$k/$s/text/"
        for a in "$src"/attributions/"$n"_*.ann; do ln -s "$a" "$cv/$k/$s/attributions/"; done
        k=$((k + 1))
    done
done
k=0
while [ "$k" -lt "$K" ]; do
    # shellcheck disable=SC2086
    "$BUILD/hearsay-train" $OPTS "$@" --out "$cv/$k.model" "$cv/$k/fit" 2>/dev/null
    make -s BUILD="$cv/b" MODEL="$cv/$k.model" "$cv/b/hearsay" >/dev/null
    mkdir -p "$cv/$k/pred"
    "$cv/b/hearsay" extract --format brat --out-dir "$cv/$k/pred" "$cv/$k/test"/text/*.txt
    python3 "$SHARED/eval/score.py" --gold "$cv/$k/test" --format polnear --pred "$cv/$k/pred" --json |
        tail -n 1 > "$cv/$k.json"
    k=$((k + 1))
done
python3 - "$cv" "$K" <<'PY'
import json, sys
cv, K = sys.argv[1], int(sys.argv[2])
keys = ('exact_f1', 'soft_f1', 'e2e_f1')
rows = [json.load(open(f'{cv}/{k}.json'))['all'] for k in range(K)]
for k, r in enumerate(rows):
    print(f'fold {k}: ' + '  '.join(f'{key} {r[key]:.4f}' for key in keys))
print('mean:   ' + '  '.join(f'{key} {sum(r[key] for r in rows) / K:.4f}' for key in keys))
PY
