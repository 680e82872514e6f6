#!/usr/bin/env bash
# Engine throughput (issue 17), measured side by side in one JVM per block (dev.asgd.spark.EngineScaling):
#   1. threads engine vs Spark local[2] (worker tasks in the driver's JVM: in-JVM channel, and forced over TCP):
#      logistic n=20000 d=20 M=2 batch 16, and Fashion-MNIST softmax M=2 batch 16;
#   2. a standalone cluster (Spark's Master and 2 Workers of 1 core each, on 127.0.0.1, started from the Spark
#      jars of the local Maven repository): Fashion-MNIST softmax batch 256, M=1 vs M=2.
# Each block prints every run and the medians (steady-state updates/s, start-up excluded).
# Environment: REPS (default 5), UPDATES_LOGISTIC (20000), UPDATES_FMNIST (3000), UPDATES_CLUSTER (1500),
# FMNIST (data spec, default fashion-mnist:n=20000), SKIP_LOCAL=1 / SKIP_CLUSTER=1 to run one block only.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
REPS=${REPS:-5}
FMNIST=${FMNIST:-fashion-mnist:n=20000}

echo "building asgd-spark-app (package, tests compiled not run)..." >&2
mvn -B -q -o -DskipTests -Djacoco.skip=true -pl asgd-spark-app -am package
app="$root/asgd-spark-app/target/asgd-spark.jar"
sparkcp="$(cat asgd-spark-app/target/spark-classpath.txt)"
cp="asgd-spark/target/test-classes:$app:$sparkcp"
bench() {
  java @asgd-spark/spark-jvm.options -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.asgd.spark.EngineScaling "$@" \
    2> >(grep -v -E '^(WARNING|Using Spark|Setting default log level|To adjust logging)' >&2)
}

echo "# load: $(uptime)"
if [ "${SKIP_LOCAL:-0}" != 1 ]; then
  echo "== threads vs Spark local[2]: logistic n=20000 d=20, M=2, batch 16"
  bench 'local[2]' "$REPS" "${UPDATES_LOGISTIC:-20000}" synthetic:logistic,n=20000,d=20 logistic 16 0.05 threads:2 spark:2 sparktcp:2
  echo "== threads vs Spark local[2]: $FMNIST softmax, M=2, batch 16"
  bench 'local[2]' "$REPS" "${UPDATES_FMNIST:-3000}" "$FMNIST" softmax 16 0.05 threads:2 spark:2 sparktcp:2
fi

if [ "${SKIP_CLUSTER:-0}" != 1 ]; then
  home="$(mktemp -d)"
  pids=()
  cleanup() {
    for p in "${pids[@]}"; do
      pkill -KILL -P "$p" 2>/dev/null || true   # the worker's executors (children of that worker only)
      kill -KILL "$p" 2>/dev/null || true
    done
    rm -rf "$home"
  }
  trap cleanup EXIT
  mkdir -p "$home/jars"
  for j in $(tr ':' ' ' <<<"$sparkcp") $(find ~/.m2/repository/com/fasterxml/jackson -name '*2.18.2.jar'); do
    ln -sf "$j" "$home/jars/"
  done
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  export SPARK_HOME="$home" SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
  java @asgd-spark/spark-jvm.options -Xmx256m -cp "$home/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 >"$home/master.log" 2>&1 &
  pids+=($!)
  for i in 1 2; do
    java @asgd-spark/spark-jvm.options -Xmx256m -cp "$home/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --webui-port 0 --cores 1 --memory 1g --work-dir "$home/work-$i" \
      "spark://127.0.0.1:$port" >"$home/worker-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in 1 2; do
    for _ in $(seq 120); do grep -q "Successfully registered" "$home/worker-$i.log" 2>/dev/null && break; sleep 0.5; done
  done
  echo "== standalone cluster, 2 workers x 1 core: $FMNIST softmax, batch 256, M=1 vs M=2"
  BENCH_JAVA_OPTS="-Dspark.jars=$app -Dspark.executor.memory=768m" \
    bench "spark://127.0.0.1:$port" "$REPS" "${UPDATES_CLUSTER:-1500}" "$FMNIST" softmax 256 0.05 spark:1 spark:2
fi
