#!/usr/bin/env bash
# A standalone Spark cluster on the loopback address from the Spark jars Maven resolved (no Spark distribution):
# one master, two workers (one core each). Runs a sweep through it, kills one worker and its executor once a few
# points are in, and checks that the sweep still completes with every point in the workspace exactly once.
#
# Needs: mvn package run before (app/target/paretowb.jar, spark/target/paretowb-spark.jar and
# spark/target/spark-home/jars). Usage: spark/src/ci/standalone.sh [POINTS_GRID] [SAMPLES] [KILL_AFTER]
# Defaults: a 24-point grid on 2,000 images, a worker killed after 4 points (KILL_AFTER 0: none killed). Prints the
# sweep's figures; exit 0 when every point is there once.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
GRID="${1:-prune=0,0.2,0.4,0.6,0.8,0.9;bits=32,8,4,2}"
SAMPLES="${2:-2000}"
KILL_AFTER="${3:-4}"
APP_JAR="$ROOT/app/target/paretowb.jar"
JOB_JAR="$ROOT/spark/target/paretowb-spark.jar"
export SPARK_HOME="$ROOT/spark/target/spark-home"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1
for f in "$APP_JAR" "$JOB_JAR" "$SPARK_HOME/jars"; do
    [ -e "$f" ] || { echo "standalone.sh: $f is missing: run mvn package first" >&2; exit 2; }
done

OPENS="--add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED
 --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED
 --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/paretowb-standalone.XXXXXX")"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    [ "${KEEP_WORK:-0}" = 1 ] || rm -rf "$WORK"
}
trap cleanup EXIT
start=$(date +%s)

# the master on a free port, read from its log
java $OPENS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port 0 --webui-port 0 >"$WORK/master.log" 2>&1 &
PIDS+=($!)
MASTER=""
for _ in $(seq 1 600); do
    MASTER="$(grep -o 'spark://127\.0\.0\.1:[0-9]*' "$WORK/master.log" | head -1 || true)"
    [ -n "$MASTER" ] && break
    sleep 0.2
done
[ -n "$MASTER" ] || { echo "standalone.sh: the master did not start:" >&2; tail -20 "$WORK/master.log" >&2; exit 1; }

WORKER_PIDS=()
for w in 1 2; do
    mkdir -p "$WORK/worker$w"
    java $OPENS -Xmx512m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 \
        --cores 1 --memory 1536m --webui-port 0 --work-dir "$WORK/worker$w" "$MASTER" >"$WORK/worker$w.log" 2>&1 &
    PIDS+=($!)
    WORKER_PIDS+=($!)
done
for w in 1 2; do
    for _ in $(seq 1 600); do
        grep -q "Successfully registered with master" "$WORK/worker$w.log" && break
        sleep 0.2
    done
    grep -q "Successfully registered with master" "$WORK/worker$w.log" \
        || { echo "standalone.sh: worker $w did not register:" >&2; tail -20 "$WORK/worker$w.log" >&2; exit 1; }
done
echo "standalone.sh: master $MASTER and two workers up after $(( $(date +%s) - start )) s"

# the sweep: the driver is the workbench's own CLI with the job jar and Spark's jars on its class path
WORKSPACE="$WORK/sweep.pwws"
sweep_start=$(date +%s)
java $OPENS -Xmx1g -Dspark.executor.memory=1g -cp "$SPARK_HOME/jars/*:$APP_JAR:$JOB_JAR" org.paretowb.app.main.Main \
    sweep --model cnn --grid "$GRID" --samples "$SAMPLES" --spark "$MASTER" --workspace "$WORKSPACE" \
    >"$WORK/sweep.out" 2>"$WORK/sweep.err" &
DRIVER=$!
PIDS+=($DRIVER)

# kill worker 1 and its executor once KILL_AFTER points are in
killed_at=""
while kill -0 "$DRIVER" 2>/dev/null; do
    done_points=$(grep -c '^\[[0-9]*/' "$WORK/sweep.err" || true)
    if [ -z "$killed_at" ] && [ "$KILL_AFTER" -gt 0 ] && [ "$done_points" -ge "$KILL_AFTER" ]; then
        for child in $(pgrep -P "${WORKER_PIDS[0]}" || true); do
            kill -9 "$child" 2>/dev/null || true
        done
        kill -9 "${WORKER_PIDS[0]}"
        killed_at=$done_points
        echo "standalone.sh: killed worker 1 (pid ${WORKER_PIDS[0]}) and its executor after $done_points points"
    fi
    sleep 0.2
done
set +e
wait "$DRIVER"
status=$?
set -e
sweep_seconds=$(( $(date +%s) - sweep_start ))
grep -v '^\[' "$WORK/sweep.err" | grep -v -i 'WARN\|INFO' | tail -5 || true
if [ "$status" -ne 0 ]; then
    echo "standalone.sh: the sweep failed (exit $status):" >&2
    tail -40 "$WORK/sweep.err" >&2
    exit 1
fi
[ -n "$killed_at" ] || [ "$KILL_AFTER" -eq 0 ] \
    || { echo "standalone.sh: the sweep finished before a worker could be killed" >&2; exit 1; }

expected=$(/usr/bin/python3 - "$GRID" <<'PY'
import sys
n = 1
for axis in sys.argv[1].split(";"):
    n *= len(axis.split("=", 1)[1].split(","))
print(n)
PY
)
/usr/bin/python3 - "$WORKSPACE" "$expected" <<'PY'
import sqlite3, sys, collections
rows = sqlite3.connect(sys.argv[1]).execute("SELECT point_key, recipe, machine FROM point").fetchall()
expected = int(sys.argv[2])
keys = [r[0] for r in rows]
indices = sorted(int(k.split("/")[1]) for k in keys)
machines = collections.Counter(r[2].split(" \u00b7 ")[0] for r in rows)
print(f"standalone.sh: {len(rows)} points in the workspace, {len(set(keys))} distinct keys, measured by {dict(machines)}")
if len(rows) != expected or len(set(keys)) != expected or indices != list(range(expected)):
    sys.exit(f"standalone.sh: FAILED: expected every one of {expected} points exactly once")
PY
echo "standalone.sh: OK: $expected points, each once, with worker 1 killed after ${killed_at:-no} points; sweep $sweep_seconds s, whole script $(( $(date +%s) - start )) s"
