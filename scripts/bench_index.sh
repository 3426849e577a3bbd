#!/bin/sh
# Index benchmark (docs/BENCHMARKS.md, "Index"): indexing speed against
# extraction alone, and query latency, on a generated corpus of PolNeAR
# train articles repeated with distinct ids. Nothing here is committed.
#   scripts/bench_index.sh [ARTICLES] [WORKDIR]
# HEARSAY (default build/hearsay), SHARED (default ../shared); QUERIES_ONLY=1
# times the queries on the index already in WORKDIR.
set -e
N=${1:-100000}
W=${2:-/tmp/hearsay-bench-index}
HEARSAY=${HEARSAY:-build/hearsay}
SHARED=${SHARED:-../shared}
TRAIN="$SHARED/data/polnear/train/text"
mkdir -p "$W"
now() { date +%s.%N; }
secs() { echo "$2 - $1" | bc; }
# Runs a command, printing "WALL CPU" seconds (CPU = user + system).
timed() { /usr/bin/time -f "%e %U %S" -o "$W/time.txt" "$@"; awk '{ print $1, $2 + $3 }' "$W/time.txt"; }
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start (other jobs share it: CPU seconds are the steadier figure)"

if [ -z "$QUERIES_ONLY" ]; then
[ -s "$W/corpus.jsonl" ] || python3 "$(dirname "$0")/polnear_jsonl.py" "$TRAIN" --articles "$N" > "$W/corpus.jsonl"
bytes=$(python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1])))" "$W/corpus.jsonl")
echo "corpus: $N articles, $(echo "scale=1; $bytes / 1000000" | bc) MB of text ($W/corpus.jsonl)"

# Extraction alone: the same texts as files, one thread, output discarded.
# Extraction alone: the same corpus, one thread, output discarded.
set -- $(timed sh -c '"$0" extract -j 1 -q --format jsonl "$1" > /dev/null' "$HEARSAY" "$W/corpus.jsonl")
echo "extract alone (-j 1): $(echo "scale=0; $N / $1" | bc) articles/s, $(echo "scale=2; $bytes / 1000000 / $1" | bc) MB/s wall ($1 s); $(echo "scale=2; $bytes / 1000000 / $2" | bc) MB/s per CPU second ($2 s)"

rm -f "$W/index.db" "$W/index.db-wal" "$W/index.db-shm"
set -- $(timed "$HEARSAY" index -q --db "$W/index.db" "$W/corpus.jsonl")
echo "index: $(echo "scale=0; $N / $1" | bc) articles/s, $(echo "scale=2; $bytes / 1000000 / $1" | bc) MB/s wall ($1 s); $(echo "scale=2; $bytes / 1000000 / $2" | bc) MB/s per CPU second ($2 s); file $(du -m "$W/index.db" | cut -f1) MB"
"$HEARSAY" stats --db "$W/index.db" --json

set -- $(timed "$HEARSAY" index -q --db "$W/index.db" "$W/corpus.jsonl")
echo "re-index, all unchanged: $1 s ($2 s CPU)"
fi

# Query latency: the median of 5 runs of each command (whole process).
lat() {
    name=$1; shift
    for i in 1 2 3 4 5; do
        t0=$(now); "$HEARSAY" "$@" > /dev/null; t1=$(now)
        secs "$t0" "$t1"
    done | sort -n | sed -n 3p | awk -v n="$name" '{ printf "  %-44s %7.1f ms\n", n, $1 * 1000 }'
}
echo "query latency (median of 5, whole command):"
lat "stats" stats --db "$W/index.db" --json
lat "search Clinton" search --db "$W/index.db" --json Clinton
lat "search wall mexico" search --db "$W/index.db" --json wall mexico
lat "search --speaker Trump (newest)" search --db "$W/index.db" --json --speaker Trump
lat "search --speaker Trump taxes" search --db "$W/index.db" --json --speaker Trump taxes
lat "search --outlet politico --since 2016-06-01 Clinton" search --db "$W/index.db" --json --outlet politico --since 2016-06-01 Clinton
lat "search (no query, newest 20)" search --db "$W/index.db" --json
lat "speakers --top 20" speakers --db "$W/index.db" --json --top 20
lat "repeats --limit 20" repeats --db "$W/index.db" --json --limit 20
