#!/bin/sh
# Regenerates every image README.md links (app/docs/*.png) from the current window and reports, so they cannot go
# stale. Each screenshot runs the real window under Xvfb on a fresh workspace of its own (nobody's points, not the
# user's last workspace), measuring on this machine. Needs the built jar (mvn -B -q package -DskipTests), xvfb-run,
# /usr/bin/python3 with PIL (the Data tab's folder of PNGs) and Ghostscript (the report images). About 20 minutes on
# 2 shared cores.
#
#   app/src/bench/screenshots.sh            all of them
#   app/src/bench/screenshots.sh dark forgot  only app/docs/workbench-dark.png and workbench-forgot.png
#
# A step that fails or runs longer than SCREENSHOT_LIMIT seconds (default 2400) is named in one line; the others go
# on, and the script ends with exit 1 and the names to rerun.
set -eu
cd "$(dirname "$0")/../../.."
JAR=app/target/paretowb.jar
DOCS=app/docs
[ -f "$JAR" ] || { echo "screenshots.sh: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: needs xvfb-run: sudo apt-get install xvfb" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WINE=app/src/test/resources/org/paretowb/app/data/wine_data.csv

# A step that takes longer than this is stopped and named (the window's own waits give up after 20 minutes each).
LIMIT=${SCREENSHOT_LIMIT:-2400}
java_() { timeout -k 30 "$LIMIT" nice -n 10 java -jar "$JAR" "$@"; }
why() { # why LOG EXIT: one line on what went wrong
    if [ "$2" = 124 ] || [ "$2" = 137 ]; then echo "stopped after $LIMIT s (SCREENSHOT_LIMIT)"
    else grep -v '^\s*$' "$1" | grep -v '^\s*at \|NNPACK\|^WARNING' | tail -1; fi
}
shot() { # shot NAME ARGS...: app/docs/workbench-NAME.png (or workbench.png for "main"), on a fresh workspace
    name=$1; shift
    file=$DOCS/workbench-$name.png; [ "$name" = main ] && file=$DOCS/workbench.png
    mkdir -p "$TMP/$name"
    started=$(date +%s)
    code=0
    timeout -k 30 "$LIMIT" xvfb-run -a -s "-screen 0 1400x900x24" nice -n 10 java -jar "$JAR" screenshot "$@" \
        --workspace "$TMP/$name/workspace.pwws" --out "$file" 2>"$TMP/$name.log" || code=$?
    if [ "$code" != 0 ]; then
        echo "screenshots.sh: $file failed (exit $code): $(why "$TMP/$name.log" "$code")" >&2
        FAILED="$FAILED $name"; return 0
    fi
    echo "wrote $file ($(( $(date +%s) - started )) s)"
}
fmnist_pngs() { # Fashion-MNIST's test images as one folder of PNGs per class, for the Data tab
    /usr/bin/python3 - "$1" <<'PY'
import gzip, os, sys
from PIL import Image
out = sys.argv[1]
root = next(d for d in ["/usr/share/datasets/fashion-mnist", "/usr/share/datasets/fashion-mnist/raw"]
            if os.path.isdir(d))
def read(name):
    for n in (name, name + ".gz"):
        p = os.path.join(root, n)
        if os.path.exists(p):
            return (gzip.open if n.endswith(".gz") else open)(p, "rb").read()
    raise SystemExit("no " + name + " under " + root)
images, labels = read("t10k-images-idx3-ubyte"), read("t10k-labels-idx1-ubyte")
for i in range(10000):
    d = os.path.join(out, str(labels[8 + i])); os.makedirs(d, exist_ok=True)
    Image.frombytes("L", (28, 28), images[16 + 784 * i:16 + 784 * (i + 1)]).save(os.path.join(d, "%05d.png" % i))
PY
}
report_images() { # the report of a session's frontier (page 1) and the page on what the 90%-pruned CNN forgot
    ws=$TMP/report/workspace.pwws
    mkdir -p "$TMP/report"
    run_ report sweep --model cnn --grid "prune=0,0.5,0.9" --workspace "$ws" || return 0
    run_ report eval --model cnn --prune 0.9 --finetune-epochs 1 --workspace "$ws" || return 0
    run_ report report --workspace "$ws" --points frontier --out "$TMP/frontier.pdf" || return 0
    gs -q -dSAFER -sDEVICE=png16m -r80 -dFirstPage=1 -dLastPage=1 -o "$DOCS/report-html.png" "$TMP/frontier.pdf"
    echo "wrote $DOCS/report-html.png"
    run_ report report --workspace "$ws" --points 3 --out "$TMP/pruned.pdf" || return 0
    page=1 # the first page that shows what the point forgot: its per-class table and lost images (the section's
    # heading and introduction may end the page before)
    for p in 2 3 4 5 6 7 8; do
        if gs -q -dSAFER -sDEVICE=txtwrite -dFirstPage=$p -dLastPage=$p -o - "$TMP/pruned.pdf" 2>/dev/null \
                | grep -qi 'right before, wrong after'; then
            page=$p; break
        fi
    done
    gs -q -dSAFER -sDEVICE=png16m -r80 -dFirstPage="$page" -dLastPage="$page" -o "$DOCS/report-pdf-forgot.png" "$TMP/pruned.pdf"
    echo "wrote $DOCS/report-pdf-forgot.png (page $page)"
}
run_() { # run_ NAME COMMAND ARGS...: one command of the jar for NAME's images; one line and NAME failed if it fails
    name=$1; shift
    code=0
    java_ "$@" >"$TMP/$name-$1.log" 2>&1 || code=$?
    [ "$code" = 0 ] && return 0
    echo "screenshots.sh: $name: '$1' failed (exit $code): $(why "$TMP/$name-$1.log" "$code")" >&2
    FAILED="$FAILED $name"; return 1
}

FAILED=""
want() { [ -z "$ONLY" ] || echo " $ONLY " | grep -q " $1 "; }
ONLY="$*"
want main && shot main --sparsity 30,60,90 --int8 auto
want int8 && shot int8 --model cnn-wide --int8 all,auto
want int8-layers && shot int8-layers --model cnn-wide --int8 auto --layers
want int8-manual && shot int8-manual --model cnn-wide --sparsity 50 --int8 all --int8-layers conv2,fc1 --int8-dialog
want int8-model && shot int8-model --model cnn-wide --sparsity 50 --int8 all --int8-layers conv2,fc1 --tab Model
want dark && shot dark --sparsity 30,60,90 --dark
want sensitivity && shot sensitivity --sparsity 30,60,90 --sensitivity
for t in bits rank channels int8; do
    want sensitivity-$t && shot sensitivity-$t --sparsity 50 --sensitivity --sensitivity-technique $t
done
want distillation && shot distillation --sparsity 30,60,90 --distil-epochs 1
want compare && shot compare --sparsity 30,60,90 --compare
want djl-figures && shot djl-figures --sparsity 50 --djl 1
want djl-points && shot djl-points --sparsity 50 --djl 1 --tab "Pareto charts"
want model && shot model --structured 50 --tab Model
if want data; then
    if fmnist_pngs "$TMP/fashion-mnist-png" 2>"$TMP/pngs.log"; then
        shot data --data "$TMP/fashion-mnist-png" --split 20:7 --sparsity 30,60,90 --tab Data
    else
        echo "screenshots.sh: writing Fashion-MNIST as PNGs failed: $(tail -1 "$TMP/pngs.log")" >&2; FAILED="$FAILED data"
    fi
fi
want input-settings && shot input-settings --sparsity 30,60,90 --input-settings
if want data-table; then
    # one libtorch thread: on a busy machine its OpenMP threads wait for each other (this step took 40 s with one
    # thread and was still at epoch ~1 after 19 minutes with the default two, at a load average of 20)
    code=0
    OMP_NUM_THREADS=1 timeout -k 30 "$LIMIT" nice -n 10 java -Dai.djl.pytorch.num_threads=1 \
        -Dai.djl.pytorch.num_interop_threads=1 -jar "$JAR" train --data "$WINE" --label-column target --hidden 64,32 \
        --epochs 60 --eval-share 0.2 --seed 1 --out "$TMP/wine-mlp.pwb" >"$TMP/train.log" 2>&1 || code=$?
    if [ "$code" = 0 ]; then
        shot data-table --model "$TMP/wine-mlp.pwb" --data "$WINE" --sparsity 50 --tab "Pareto charts"
    else
        echo "screenshots.sh: training the wine MLP failed (exit $code): $(why "$TMP/train.log" "$code")" >&2
        FAILED="$FAILED data-table"
    fi
fi
want forgot && shot forgot --sparsity 90 --tab "What it forgot"
want report && report_images
[ -z "$FAILED" ] || { echo "screenshots.sh: not regenerated:$FAILED (rerun: $0$FAILED)" >&2; exit 1; }
exit 0
