#!/usr/bin/env bash
# spark-submit against a standalone master and two workers started as spark/src/ci/standalone.sh starts them: the
# driver submitted through org.apache.spark.deploy.SparkSubmit (the class bin/spark-submit runs; Maven gives the
# jars, not the scripts), a 12-point sweep, and the points per executor. Needs mvn package run before. Not in CI.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
APP_JAR="$ROOT/app/target/paretowb.jar"
JOB_JAR="$ROOT/spark/target/paretowb-spark.jar"
export SPARK_HOME="$ROOT/spark/target/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
OPENS="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/paretowb-submit.XXXXXX")"
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill $p 2>/dev/null; done; wait 2>/dev/null' EXIT
java $OPENS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0 >$WORK/master.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 600); do MASTER="$(grep -o 'spark://127\.0\.0\.1:[0-9]*' $WORK/master.log | head -1)"; [ -n "$MASTER" ] && break; sleep 0.2; done
for w in 1 2; do mkdir -p $WORK/w$w; java $OPENS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1536m --webui-port 0 --work-dir $WORK/w$w "$MASTER" >$WORK/worker$w.log 2>&1 & PIDS+=($!); done
for w in 1 2; do for _ in $(seq 1 600); do grep -q "Successfully registered" $WORK/worker$w.log && break; sleep 0.2; done; done
echo "master $MASTER up"
s=$(date +%s)
java $OPENS -Xmx1g -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit --master "$MASTER" \
  --conf spark.executor.memory=1g --class org.paretowb.app.main.Main --jars "$APP_JAR" "$JOB_JAR" \
  sweep --model cnn --grid "prune=0,0.3,0.6,0.9;bits=32,8,4" --samples 1000 --spark "$MASTER" --workspace $WORK/submit.pwws \
  >$WORK/sweep.out 2>$WORK/sweep.err
echo "spark-submit rc=$? in $(( $(date +%s)-s )) s"
tail -3 $WORK/sweep.out; grep -v "^\s*at \|WARN\|INFO" $WORK/sweep.err | tail -5
/usr/bin/python3 -c "
import sqlite3; c=sqlite3.connect('$WORK/submit.pwws')
print('points', c.execute('select count(*) from point').fetchone()[0])
for r in c.execute('select machine, count(*) from point group by machine'): print(' ', r)"
