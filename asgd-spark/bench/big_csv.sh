#!/usr/bin/env bash
# Trains on a synthetic CSV of 2 GiB (a directory of 8 part files, least squares d = 20, written by
# big_csv.py) with a driver heap of 512 MB, on a standalone Spark cluster started from the Spark jars
# (a master and 2 workers on 127.0.0.1, as asgd-spark/README.md "Running on a standalone cluster").
# The executors read the files (csv:file://DIR), build the workers' shards and evaluate; the driver
# holds no row. Prints the run's JSON summary, its wall time and the driver JVM's peak RSS.
#
# usage: asgd-spark/bench/big_csv.sh [DIR [SIZE_BYTES]]   (env: UPDATES, WORKER_MEMORY, EXECUTOR_MEMORY, LOCALITY_WAIT, PORT)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dir="${1:-/tmp/asgd-big-csv}"
size="${2:-2147483648}"
updates="${UPDATES:-1000}"
port="${PORT:-7277}"
worker_memory="${WORKER_MEMORY:-3g}"
executor_memory="${EXECUTOR_MEMORY:-2560m}"
# Large shards: a gradient task must run where its shard is cached (else it copies 330 MB from the other executor).
locality_wait="${LOCALITY_WAIT:-30s}"
work="$(mktemp -d /tmp/asgd-big-csv-run.XXXXXX)"

if [ ! -f "$dir/.complete" ] || [ "$(cat "$dir/.complete")" != "$size" ]; then
  rm -rf "$dir"
  echo "writing $size bytes of CSV into $dir ..." >&2
  start=$(date +%s)
  python3 "$root/asgd-spark/bench/big_csv.py" "$dir" "$size" 20 8 1 >&2
  echo "written in $(( $(date +%s) - start )) s" >&2
  echo "$size" > "$dir/.complete"
fi
du -sb "$dir" >&2

(cd "$root" && mvn -B -q -o -DskipTests -Djacoco.skip=true -pl asgd-spark-app -am package)
export SPARK_HOME="$work/spark-home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
mkdir -p "$SPARK_HOME/jars"
for j in $(tr ':' ' ' < "$root/asgd-spark-app/target/spark-classpath.txt") \
         $(find ~/.m2/repository/com/fasterxml/jackson -name '*2.18.2.jar'); do ln -sf "$j" "$SPARK_HOME/jars/"; done
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
java @"$root/asgd-spark/spark-jvm.options" -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 > "$work/master.log" 2>&1 &
pids+=($!)
sleep 5
# two cores per worker: one for its worker task (it holds the slot for the whole run), one for the evaluation jobs
for i in 1 2; do
  java @"$root/asgd-spark/spark-jvm.options" -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --webui-port 0 --cores 2 --memory "$worker_memory" --work-dir "$work/worker-$i" \
      "spark://127.0.0.1:$port" > "$work/worker-$i.log" 2>&1 &
  pids+=($!)
done
sleep 5

echo "training: driver -Xmx512m, executors $executor_memory each, $updates updates" >&2
start=$(date +%s.%N)
ASGD_JAVA_OPTS="-Xmx512m -Dspark.executor.memory=$executor_memory -Dspark.locality.wait=$locality_wait -Dspark.local.dir=$work/local" \
  /usr/bin/time -v -o "$work/time.txt" "$root/asgd" train --engine spark --master "spark://127.0.0.1:$port" \
  --spark-timeout 600 --data "csv:file://$dir" --workers 2 --batch 64 --updates "$updates" -q --format json \
  > "$work/run.json"
end=$(date +%s.%N)
python3 - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
p, m = r["params"], r["final"]
first = r["series"][0]
print("rows: train %d, test %d, d %d" % (p["trainRows"], p["testRows"], p["features"]))
print("updates %d in %.1f s (%.1f updates/s, from the first update; reading not included)"
      % (r["updates"], r["seconds"], r["updatesPerSecond"]))
print("train loss %.6g -> %.6g, test loss %.6g -> %.6g" % (first["trainLoss"], m["trainLoss"], first["testLoss"],
                                                        m["testLoss"]))
PY
echo "wall time of the command (JVM start, reading, shards, training, evaluation): $(echo "$end - $start" | bc) s"
grep -E "Maximum resident|Elapsed" "$work/time.txt"
echo "logs and JSON in $work"
