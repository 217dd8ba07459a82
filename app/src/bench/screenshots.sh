#!/bin/sh
# Regenerates every image README.md links (app/docs/*.png) from the current window and reports, so they cannot go
# stale. Each screenshot runs the real window under Xvfb on a fresh state (no workspace: nobody's points), measuring
# on this machine. Needs the built jar (mvn -B -q package -DskipTests), xvfb-run, /usr/bin/python3 with PIL (the
# Data tab's folder of PNGs) and Ghostscript (the report images). About 15 minutes on 2 shared cores.
#
#   app/src/bench/screenshots.sh            all of them
#   app/src/bench/screenshots.sh dark forgot  only app/docs/workbench-dark.png and workbench-forgot.png
set -eu
cd "$(dirname "$0")/../../.."
JAR=app/target/paretowb.jar
DOCS=app/docs
[ -f "$JAR" ] || { echo "screenshots.sh: build first: mvn -B -q package -DskipTests" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "screenshots.sh: needs xvfb-run: sudo apt-get install xvfb" >&2; exit 2; }
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WINE=app/src/test/resources/org/paretowb/app/data/wine_data.csv

java_() { nice -n 10 java -jar "$JAR" "$@"; }
shot() { # shot NAME ARGS...: app/docs/workbench-NAME.png (or workbench.png for "main")
    name=$1; shift
    file=$DOCS/workbench-$name.png; [ "$name" = main ] && file=$DOCS/workbench.png
    xvfb-run -a -s "-screen 0 1400x900x24" nice -n 10 java -jar "$JAR" screenshot "$@" --out "$file" 2>"$TMP/$name.log" \
        || { echo "screenshots.sh: $file failed:" >&2; tail -3 "$TMP/$name.log" >&2; FAILED="$FAILED $name"; return 0; }
    echo "wrote $file"
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
    ws=$TMP/report.pwws
    java_ sweep --model cnn --grid "prune=0,0.5,0.9" --workspace "$ws" >/dev/null 2>&1
    java_ eval --model cnn --prune 0.9 --finetune-epochs 1 --workspace "$ws" >/dev/null 2>&1
    java_ report --workspace "$ws" --points frontier --out "$TMP/frontier.pdf" >/dev/null
    gs -q -dSAFER -sDEVICE=png16m -r80 -dFirstPage=1 -dLastPage=1 -o "$DOCS/report-html.png" "$TMP/frontier.pdf"
    echo "wrote $DOCS/report-html.png"
    java_ report --workspace "$ws" --points 3 --out "$TMP/pruned.pdf" >/dev/null
    page=1 # the first page after the cover that speaks of what the point forgot
    for p in 2 3 4 5 6 7 8; do
        if gs -q -dSAFER -sDEVICE=txtwrite -dFirstPage=$p -dLastPage=$p -o - "$TMP/pruned.pdf" 2>/dev/null | grep -qi forgot; then
            page=$p; break
        fi
    done
    gs -q -dSAFER -sDEVICE=png16m -r80 -dFirstPage="$page" -dLastPage="$page" -o "$DOCS/report-pdf-forgot.png" "$TMP/pruned.pdf"
    echo "wrote $DOCS/report-pdf-forgot.png (page $page)"
}

FAILED=""
want() { [ -z "$ONLY" ] || echo " $ONLY " | grep -q " $1 "; }
ONLY="$*"
want main && shot main --sparsity 30,60,90 --int8 auto
want int8 && shot int8 --model cnn-wide --int8 all,auto
want int8-layers && shot int8-layers --model cnn-wide --int8 auto --layers
want int8-manual && shot int8-manual --model cnn-wide --sparsity 50 --int8 all --int8-layers conv2,fc1 --int8-dialog
want int8-model && shot int8-model --model cnn-wide --sparsity 50 --int8 all --int8-layers conv2,fc1 --tab Model
want dark && shot dark --dark
want sensitivity && shot sensitivity --sensitivity
for t in bits rank channels int8; do
    want sensitivity-$t && shot sensitivity-$t --sparsity 50 --sensitivity --sensitivity-technique $t
done
want distillation && shot distillation --distil-epochs 1
want compare && shot compare --compare
want djl-figures && shot djl-figures --sparsity 50 --djl 1
want djl-points && shot djl-points --sparsity 50 --djl 1 --tab "Pareto charts"
want model && shot model --structured 50 --tab Model
if want data; then fmnist_pngs "$TMP/fashion-mnist-png"; shot data --data "$TMP/fashion-mnist-png" --split 20:7 --tab Data; fi
want input-settings && shot input-settings --input-settings
if want data-table; then
    # one libtorch thread: on a busy machine its OpenMP threads wait for each other (this step took 40 s with one
    # thread and was still at epoch ~1 after 19 minutes with the default two, at a load average of 20)
    OMP_NUM_THREADS=1 nice -n 10 java -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 \
        -jar "$JAR" train --data "$WINE" --label-column target --hidden 64,32 --epochs 60 --eval-share 0.2 --seed 1 \
        --out "$TMP/wine-mlp.pwb" >"$TMP/train.log" 2>&1 \
        || { echo "screenshots.sh: training the wine MLP failed:" >&2; tail -3 "$TMP/train.log" >&2; }
    shot data-table --model "$TMP/wine-mlp.pwb" --data "$WINE" --sparsity 50
fi
want forgot && shot forgot --sparsity 90 --tab "What it forgot"
want report && report_images
[ -z "$FAILED" ] || { echo "screenshots.sh: not regenerated:$FAILED (rerun: $0$FAILED)" >&2; exit 1; }
exit 0
