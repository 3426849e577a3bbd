#!/bin/sh
# browser.sh -- `hearsay serve` tested as a person uses it: index PolNeAR dev
# (and the defining example) into a temporary database, start the server on
# a free loopback port, drive Debian's Chromium with playwright-core
# (tests/browser/serve.test.mjs: search "Clinton", open a result's article
# view, check the highlights, the JSON endpoints, bad parameters), save
# screenshots, then stop the server with SIGTERM and check it exits cleanly.
# Prints "ok NAME" / "not ok NAME"; run from the repository root.
#
#   SHOTS=DIR   where screenshots go (default $BUILD/screenshots)
#
# Needs chromium (Debian) and node/npm; npm dependencies are installed with
# `npm ci` from tests/browser/package-lock.json (the npm registry only).
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
BUILD=${BUILD:-build}
case $HEARSAY in /*) ;; *) HEARSAY=$(pwd)/$HEARSAY ;; esac
SHOTS=${SHOTS:-$BUILD/screenshots}
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
DEV=$SHARED/data/polnear/dev/text
T=$(mktemp -d)
pid=
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null
    rm -rf "$T"
}
trap cleanup EXIT

check() { # NAME CONDITION
    if eval "$2"; then echo "ok $1"; else echo "not ok $1"; fi
}

need() { # NAME CONDITION: stops the test (one failure) when unmet
    check "$1" "$2" || { cat "$T/log" 2>/dev/null >&2; exit 1; }
}

need "browser: chromium installed ($CHROMIUM)" '[ -x "$CHROMIUM" ]'
need "browser: node and npm installed" 'command -v node >/dev/null && command -v npm >/dev/null'
need "browser: PolNeAR dev texts at $DEV" '[ -d "$DEV" ]'

# npm ci when node_modules is missing or older than the lock file.
stamp=tests/browser/node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ tests/browser/package-lock.json -nt "$stamp" ]; then
    npm ci --prefix tests/browser --no-audit --no-fund >"$T/log" 2>&1
fi
need "browser: npm ci installed playwright-core" '[ -d tests/browser/node_modules/playwright-core ]'

"$HEARSAY" index -q --db "$T/dev.db" "$DEV" >"$T/log" 2>&1
need "browser: index PolNeAR dev" '[ $? -eq 0 ]'
"$HEARSAY" index -q --db "$T/dev.db" --date 2021-09-01 examples/klain-taliban.txt >"$T/log" 2>&1
need "browser: index the example" '[ $? -eq 0 ]'

"$HEARSAY" serve --db "$T/dev.db" --host 127.0.0.1 --port 0 >"$T/url" 2>"$T/log" &
pid=$!
for _ in $(seq 100); do [ -s "$T/url" ] && break; sleep 0.1; done
BASE=$(head -n 1 "$T/url")
need "browser: server prints its loopback URL" 'case "$BASE" in http://127.0.0.1:[0-9]*/) true ;; *) false ;; esac'

mkdir -p "$SHOTS"
BASE=$BASE SHOTS=$SHOTS EXAMPLE_DOC=examples/klain-taliban CHROMIUM=$CHROMIUM \
    node tests/browser/serve.test.mjs >"$T/node.out" 2>"$T/node.err"
rc=$?
cat "$T/node.out"
[ -s "$T/node.err" ] && cat "$T/node.err" >&2
# a failed check exits 1 after saying "not ok"; anything else is a crash
check "browser: test script ran to the end" '[ $rc -eq 0 ] || { [ $rc -eq 1 ] && grep -q "^not ok" "$T/node.out"; }' 
check "browser: screenshots saved" '[ -s "$SHOTS/serve-search.png" ] && [ -s "$SHOTS/serve-article-example.png" ]'

kill -TERM "$pid"
wait "$pid"
src=$?
pid=
check "serve: SIGTERM stops it with status 0" '[ $src -eq 0 ]'
check "serve: says it is stopping" 'grep -q "SIGTERM: stopping" "$T/log"'
