#!/usr/bin/env bash
# Runs the benchmark suite: ./bench/run.sh quick (under 5 minutes on 2 cores) or ./bench/run.sh full.
# Extra arguments go to JMH, e.g. ./bench/run.sh quick CommitOverhead -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
shift || true
mvn -q -B -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/results
case "$mode" in
  # the heap figure is the heap used after a full GC; full mode also proves the items fit in -Xmx1g.
  # PartitionBenchmark (P6): quick mode stops at 100 000 items in the partition, full goes to 1 000 000.
  quick) jmh=(-f 1 -wi 2 -w 1s -i 3 -r 1s -p size=10000,100000) ; heap=-Xmx3g ; fill=100000 ;;
  full)  jmh=(-f 2 -wi 5 -w 2s -i 10 -r 2s) ; heap=-Xmx1g ; fill=1000000 ;;
  *) echo "usage: bench/run.sh quick|full [JMH options]" >&2; exit 2 ;;
esac
java -cp "$cp" org.openjdk.jmh.Main "${jmh[@]}" -rf json -rff "bench/results/jmh-$mode.json" "$@" | tee "bench/results/jmh-$mode.txt"
if [ $# -eq 0 ]; then
  java "$heap" -cp "$cp" io.dynamapper.bench.HeapFootprint 1000000 | tee bench/results/heap.txt
  java "$heap" -cp "$cp" io.dynamapper.bench.PartitionFill "$fill" | tee bench/results/partition-fill.txt
  for backend in memory http; do
    java -cp "$cp" io.dynamapper.bench.Contention "$backend" 2 1000 | tee -a bench/results/contention.txt
    java -cp "$cp" io.dynamapper.bench.FirstCommit "$backend" | tee -a bench/results/first-commit.txt
  done
fi
