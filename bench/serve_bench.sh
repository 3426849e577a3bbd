#!/bin/sh
# serve_bench.sh -- load `hearsay serve` with wrk on loopback: /api/search,
# queries rotating (bench/serve_bench.lua), 50 connections for 30 s by
# default, over an index of PolNeAR dev. Prints wrk's report and a Markdown
# row for docs/BENCHMARKS.md; exits 1 if any request failed.
#
#   DB=FILE          serve this index instead of building one
#   DURATION=30s CONNECTIONS=50 WRK_THREADS=2 SERVER_THREADS=8
set -e
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-50}
WRK_THREADS=${WRK_THREADS:-2}
SERVER_THREADS=${SERVER_THREADS:-8}
command -v wrk >/dev/null || { echo "serve_bench: wrk missing (scripts/deps.sh)" >&2; exit 1; }
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$T"' EXIT
if [ -z "$DB" ]; then
    DB=$T/dev.db
    "$HEARSAY" index -q --db "$DB" "$SHARED/data/polnear/dev/text"
fi
"$HEARSAY" serve --db "$DB" --port 0 --threads "$SERVER_THREADS" >"$T/url" 2>"$T/log" &
pid=$!
for _ in $(seq 100); do [ -s "$T/url" ] && break; sleep 0.1; done
BASE=$(head -n 1 "$T/url")
[ -n "$BASE" ] || { cat "$T/log" >&2; exit 1; }
curl -sf "${BASE}api/search?q=Clinton" >/dev/null
wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/serve_bench.lua \
    "${BASE}api/search" | tee "$T/wrk"
kill -TERM "$pid"
wait "$pid" || { echo "serve_bench: server did not stop cleanly" >&2; exit 1; }
pid=
# wrk: "Requests/sec: N", "50% 1.23ms", "Non-2xx or 3xx responses: N",
# "Socket errors: connect N, read N, write N, timeout N"
awk -v c="$CONNECTIONS" -v d="$DURATION" -v st="$SERVER_THREADS" '
    /Requests\/sec/ { rps = $2 }
    / 50%/ { p50 = $2 } / 75%/ { p75 = $2 } / 90%/ { p90 = $2 } / 99%/ { p99 = $2 }
    /requests in/ { total = $1 }
    /Non-2xx/ { bad += $NF }
    /Socket errors/ { gsub(",", ""); bad += $4 + $6 + $8 + $10 }
    END {
        printf "\n| connections | duration | server threads | requests | requests/s | p50 | p75 | p90 | p99 | errors |\n"
        printf "|---|---|---|---|---|---|---|---|---|---|\n"
        printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %d |\n", c, d, st, total, rps, p50, p75, p90, p99, bad
        exit bad > 0
    }' "$T/wrk"
