#!/bin/sh
# parallel-ssh.sh -- one corpus across machines reachable by ssh, with GNU
# parallel: shard K of N runs on one of the hosts, all of which see the
# corpus at the same path (NFS) and have hearsay on their PATH. Each shard's
# output comes back over ssh into OUT/part-K.jsonl.
#
#   scripts/cluster/parallel-ssh.sh HOSTS_FILE CORPUS OUT [N]
#
# HOSTS_FILE lists one ssh login per line ("4/user@host" limits a host to 4
# jobs at once, see parallel(1) --sshloginfile). N defaults to the number of
# hosts. Failed shards are retried once; parallel's exit status counts the
# shards that failed, and --joblog records them.
set -eu
hosts=$1
corpus=$2
out=$3
n=${4:-$(grep -c . "$hosts")}
mkdir -p "$out"
seq 1 "$n" | parallel --will-cite --sshloginfile "$hosts" --retries 2 \
    --joblog "$out/joblog" \
    "hearsay extract -q --shard {}/$n --format jsonl '$corpus' >'$out/part-{}.jsonl'"
