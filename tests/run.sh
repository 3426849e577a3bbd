#!/bin/sh
# Runs every test and prints "N passed, N failed" as its last line.
#   tests/run.sh          all suites
#   tests/run.sh unit     unit tests only (VALGRIND=1 runs them under memcheck)
# Suites: tests/unit (C, one binary per test_*.c), tests/cli/*.sh (shell; each
# prints lines "ok NAME" / "not ok NAME").
BUILD=${BUILD:-build}
SHARED=${SHARED:-../shared}
export BUILD SHARED
HEARSAY=${HEARSAY:-$BUILD/hearsay}
export HEARSAY
pass=0; fail=0
what=${1:-all}
for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    if [ -n "$VALGRIND" ]; then
        out=$(valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 "$t" 2>&1); rc=$?
    else
        out=$("$t" 2>&1); rc=$?
    fi
    line=$(printf '%s\n' "$out" | grep -E '[0-9]+ passed, [0-9]+ failed' | tail -n 1)
    p=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) passed.*/\1/'); p=${p:-0}
    f=$(printf '%s' "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); f=${f:-0}
    if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    [ $rc -ne 0 ] || [ "$f" -ne 0 ] && printf '%s\n' "$out" | grep -v ' passed, ' >&2
    echo "$(basename "$t"): $p passed, $f failed"
    pass=$((pass + p)); fail=$((fail + f))
done
if [ "$what" = all ]; then
    for s in tests/cli/*.sh; do
        [ -f "$s" ] || continue
        out=$(sh "$s" 2>&1); rc=$?
        p=$(printf '%s\n' "$out" | grep -c '^ok ')
        f=$(printf '%s\n' "$out" | grep -c '^not ok ')
        if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "$s exited $rc" >&2; fi
        printf '%s\n' "$out" | grep '^not ok ' >&2
        echo "$(basename "$s"): $p passed, $f failed"
        pass=$((pass + p)); fail=$((fail + f))
    done
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
