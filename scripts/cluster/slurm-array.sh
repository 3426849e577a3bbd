#!/bin/sh
# slurm-array.sh -- one corpus across a Slurm cluster: task K of an array of
# N runs `hearsay extract --shard K/N` over the whole corpus (every task
# reads all of it and keeps its own documents; the shards add up to exactly
# the whole run). Outputs go to OUT/part-K.jsonl.
#
#   sbatch --array=1-16 scripts/cluster/slurm-array.sh CORPUS.jsonl.zst OUT
#
# Each task reads the corpus from shared storage; hearsay streams it, so a
# task needs about 64 MB of memory plus --max-doc-bytes per thread.
#SBATCH --job-name=hearsay
#SBATCH --cpus-per-task=8
#SBATCH --mem=2G
#SBATCH --output=hearsay-%A_%a.log
set -eu
corpus=$1
out=$2
k=${SLURM_ARRAY_TASK_ID:?run me with sbatch --array=1-N}
n=${SLURM_ARRAY_TASK_COUNT:?run me with sbatch --array=1-N}
mkdir -p "$out"
# Write to a temporary name so a failed task never leaves a partial part.
hearsay extract -q -j "${SLURM_CPUS_PER_TASK:-1}" --shard "$k/$n" \
    --format jsonl "$corpus" >"$out/part-$k.jsonl.tmp"
mv "$out/part-$k.jsonl.tmp" "$out/part-$k.jsonl"
