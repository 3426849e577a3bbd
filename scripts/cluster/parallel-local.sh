#!/bin/sh
# parallel-local.sh -- the same split as parallel-ssh.sh, as local jobs:
# N shards of CORPUS, one process each, into OUT/part-K.jsonl. Useful to
# try the scheme (tests/cli/extract.sh checks that the parts add up to the
# whole run) or to run on a machine where one process per core is wanted.
#
#   scripts/cluster/parallel-local.sh CORPUS OUT [N]
set -eu
corpus=$1
out=$2
n=${3:-$(nproc)}
mkdir -p "$out"
seq 1 "$n" | parallel --will-cite \
    "hearsay extract -q -j 1 --shard {}/$n --format jsonl '$corpus' >'$out/part-{}.jsonl'"
