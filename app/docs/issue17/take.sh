#!/bin/sh
# take.sh JAR PREFIX: the issue-17 chart faults from one workspace (issue17.pwws, copied fresh for each shot)
JAR=$1; P=$2
shot() {
    name=$1; shift
    cp ${OUT:-.}/issue17.pwws ${OUT:-.}/tmp-$P-$name.pwws
    xvfb-run -a -s "-screen 0 1400x900x24" nice -n 10 java -jar $JAR screenshot --workspace ${OUT:-.}/tmp-$P-$name.pwws "$@" \
        --out ${OUT:-.}/$P-$name.png >${OUT:-.}/$P-$name.log 2>&1 && echo "ok $P-$name" >> ${OUT:-.}/take.log || echo "FAILED $P-$name" >> ${OUT:-.}/take.log
}
shot main
shot throughput --third-axis Throughput
shot forgot-dark --dark --tab "What it forgot"
shot sensitivity-empty --tab Sensitivity
shot sensitivity --sensitivity
shot training --distil-epochs 1
shot table --tab "Pareto charts"
echo "done $P" >> ${OUT:-.}/take.log
