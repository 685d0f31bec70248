#!/usr/bin/env bash
# Runs the benchmark suite: ./bench/run.sh quick (under 5 minutes on 2 cores) or ./bench/run.sh full.
# Extra arguments go to JMH and run only the JMH part, e.g. ./bench/run.sh quick CommitOverhead -prof gc
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-quick}
shift || true
mvn -q -B -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="bench/target/classes:$(cat bench/target/classpath.txt)"
mkdir -p bench/results
case "$mode" in
  # the heap figure is the heap used after a full GC; full mode also proves the items fit in -Xmx1g
  # PartitionBenchmark/PartitionFill (P6): quick mode stops at 100 000 items in the partition, full goes to 1 000 000
  # quick (under 5 minutes on 2 cores): JMH with 1 warm-up and 2 measured iterations of 1 s; P3 at 1 000 and 100 000
  # only, P4 the mixed round only; no JMH for what a harness measures better side by side (P1 warm: Interleaved, P1
  # cold: ColdHarness, P6 growth: PartitionFill); P1 cold in process only (3 rounds), the interleaved P1 over HTTP
  # short (each unit is 11 HTTP round trips), the heap with 300 000 items (bytes per item; full mode loads 1 000 000)
  quick) jmh=(-f 1 -wi 1 -w 1s -i 2 -r 1s) ; heap=-Xmx3g ; heapItems=300000
         only=(-p managed=1000,100000 -e 'InMemoryBenchmark\.(putItem|getItem|conditionalUpdate|query100|transactWrite10)'
               -e CommitOverhead -e PartitionBenchmark)
         cold=() ; coldRounds=(memory 3) ; interleavedMemory=(500 10 100) ; interleavedHttp=(100 5 20)
         startups=(memory 5 http 3) ; fill=100000 ;;
  full)  jmh=(-f 2 -wi 5 -w 2s -i 10 -r 2s) ; heap=-Xmx1g ; heapItems=1000000 ; only=()
         cold=(-f 20) ; coldRounds=(memory 15) ; interleavedMemory=(2000 30 200) ; interleavedHttp=(500 20 50)
         startups=(memory 21 http 21) ; fill=1000000 ;;
  *) echo "usage: bench/run.sh quick|full [JMH options]" >&2; exit 2 ;;
esac
if [ $# -gt 0 ]; then
  java -cp "$cp" org.openjdk.jmh.Main "${jmh[@]}" -rf json -rff "bench/results/jmh-$mode-args.json" "$@" | tee "bench/results/jmh-$mode-args.txt"
  exit
fi
uptime | tee bench/results/load.txt
# warm benchmarks; the cold one (single shot in fresh JVMs) has its own options
java -cp "$cp" org.openjdk.jmh.Main "${jmh[@]}" "${only[@]}" -e ColdCommit -rf json -rff "bench/results/jmh-$mode.json" | tee "bench/results/jmh-$mode.txt"
if [ ${#cold[@]} -gt 0 ]; then
  java -cp "$cp" org.openjdk.jmh.Main ColdCommit "${cold[@]}" -rf json -rff "bench/results/jmh-cold-$mode.json" | tee "bench/results/jmh-cold-$mode.txt"
fi
java -cp "$cp" io.dynamapper.bench.ColdHarness "${coldRounds[@]}" | tee -a bench/results/cold.txt
java -cp "$cp" io.dynamapper.bench.Interleaved memory "${interleavedMemory[@]}" | tee -a bench/results/interleaved.txt
# the Enhanced Client next to the others, in a run of its own: in its company the others run slower
java -cp "$cp" io.dynamapper.bench.Interleaved memory "${interleavedMemory[@]}" enhanced | tee -a bench/results/interleaved.txt
java -cp "$cp" io.dynamapper.bench.Interleaved http "${interleavedHttp[@]}" | tee -a bench/results/interleaved.txt
java "$heap" -cp "$cp" io.dynamapper.bench.HeapFootprint "$heapItems" | tee bench/results/heap.txt
java "$heap" -cp "$cp" io.dynamapper.bench.PartitionFill "$fill" | tee bench/results/partition-fill.txt
for backend in memory http; do
  java -cp "$cp" io.dynamapper.bench.Contention "$backend" 2 1000 | tee -a bench/results/contention.txt
done
set -- "${startups[@]}"
while [ $# -gt 0 ]; do   # Dynamapper and the SDK by hand, alternating, in fresh JVMs
  java -cp "$cp" io.dynamapper.bench.StartupHarness "$1" "$2" | tee -a bench/results/first-commit.txt
  shift 2
done
java -cp "$cp" io.dynamapper.bench.ExtensionPerTest | tee -a bench/results/extension-per-test.txt
uptime | tee -a bench/results/load.txt
echo "bench/run.sh $mode: $((SECONDS / 60)) min $((SECONDS % 60)) s of wall time" | tee -a bench/results/load.txt
