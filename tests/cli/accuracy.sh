#!/bin/sh
# accuracy.sh -- the regression floor: runs scripts/eval.sh (PolNeAR dev and
# the bundled example, scored by ../shared/eval/score.py) and checks every
# figure in tests/accuracy-floor.txt. Prints "ok NAME" / "not ok NAME".
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
if [ ! -d "$SHARED/data/polnear/dev" ]; then
    echo "not ok accuracy: $SHARED/data/polnear/dev is missing"
    exit 0
fi
out=$(SHARED=$SHARED BUILD=$BUILD ./scripts/eval.sh 2>&1)
ex=$(printf '%s\n' "$out" | grep '^{"articles": 1,' | tail -n 1)
dev=$(printf '%s\n' "$out" | grep '^{"articles": 84,' | tail -n 1)
[ -n "$ex" ] || { echo "not ok accuracy: no example summary"; printf '%s\n' "$out" | tail -5 >&2; }
[ -n "$dev" ] || { echo "not ok accuracy: no dev summary"; printf '%s\n' "$out" | tail -5 >&2; }
grep -v '^#' tests/accuracy-floor.txt | while read -r set cls metric floor; do
    [ -n "$set" ] || continue
    if [ "$set" = dev ]; then js=$dev; else js=$ex; fi
    python3 - "$js" "$cls" "$metric" "$floor" "$set" <<'PY'
import json, sys
js, cls, metric, floor, name = sys.argv[1:]
try:
    value = json.loads(js)[cls][metric]
except Exception as e:
    print(f"not ok accuracy {name} {cls} {metric}: no figure ({e})")
    sys.exit(0)
ok = value >= float(floor)
print(f"{'ok' if ok else 'not ok'} accuracy {name} {cls} {metric} {value:.4f} >= {floor}")
PY
done
