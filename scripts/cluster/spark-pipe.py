#!/usr/bin/env python3
"""spark-pipe.py -- hearsay inside a Spark job with RDD.pipe: each partition
of the JSON Lines corpus is piped through `hearsay extract --jsonl`, which
reads JSON Lines on standard input and writes one JSON object per
attribution on standard output.

    spark-submit --files $(command -v hearsay) scripts/cluster/spark-pipe.py \\
        IN.jsonl OUT_DIR

The input lines must be the articles ({"id", "text", ...}); the output is
attribution records, to be read back with spark.read.json(OUT_DIR).
"""
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def main():
    src, dst = sys.argv[1], sys.argv[2]
    spark = SparkSession.builder.appName("hearsay-extract").getOrCreate()
    lines = spark.sparkContext.textFile(src)
    cmd = [SparkFiles.get("hearsay"), "extract", "-q", "-j", "1",
           "--jsonl", "--format", "jsonl", "-"]
    # checkCode: a partition whose hearsay run fails (exit status 1: a bad
    # line, named on stderr) fails its task, so nothing is lost silently.
    lines.pipe(cmd, checkCode=True).saveAsTextFile(dst)
    spark.stop()


if __name__ == "__main__":
    main()
