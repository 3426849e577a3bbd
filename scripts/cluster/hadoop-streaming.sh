#!/bin/sh
# hadoop-streaming.sh -- hearsay as the mapper of a map-only Hadoop
# Streaming job: Hadoop splits the JSON Lines corpus by lines, feeds each
# split to `hearsay extract --jsonl` on standard input, and collects its
# JSON Lines output. No reducer; gzip input is read by Hadoop's codec.
#
#   scripts/cluster/hadoop-streaming.sh HDFS_IN HDFS_OUT
#
# The hearsay binary is shipped with -files; it links Debian's shared
# libraries (json-c, zlib, zstd, jansson, sqlite, microhttpd), so the nodes
# need them installed (scripts/deps.sh).
set -eu
in=$1
out=$2
jar=${HADOOP_STREAMING_JAR:-$HADOOP_HOME/share/hadoop/tools/lib/hadoop-streaming-*.jar}
# shellcheck disable=SC2086 # the jar path is a glob
hadoop jar $jar \
    -D mapreduce.job.reduces=0 \
    -D mapreduce.job.name=hearsay-extract \
    -files "$(command -v hearsay)" \
    -input "$in" -output "$out" \
    -mapper "./hearsay extract -q -j 1 --jsonl --format jsonl -"
