#!/bin/sh
# valgrind-cli.sh -- the command under valgrind's memcheck on every kind of
# input it reads (a text file, a folder, JSON Lines good, bad and cut off,
# gzip, a missing file) with two worker threads. Fails when memcheck finds
# an error or a definite/indirect leak (exit 99), or when the command's own
# status is not the documented 1 (some inputs could not be processed).
# Run by `make valgrind` after the unit tests.
BUILD=${BUILD:-build}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
gzip -c tests/fixtures/cli/corpus.jsonl >"$T/corpus.jsonl.gz"
valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
    "$BUILD/hearsay" extract --format jsonl -j 2 examples/klain-taliban.txt tests/fixtures/cli/articles \
    tests/fixtures/cli/corpus.jsonl tests/fixtures/cli/bad.jsonl tests/fixtures/cli/truncated.jsonl \
    tests/fixtures/cli/evil.jsonl "$T/corpus.jsonl.gz" "$T/missing.txt" >"$T/o" 2>"$T/e"
rc=$?
if [ $rc -ne 1 ] || ! [ -s "$T/o" ]; then
    cat "$T/e" >&2
    echo "valgrind-cli: status $rc (expected 1 and some output)" >&2
    exit 1
fi
echo "valgrind-cli: ok"
