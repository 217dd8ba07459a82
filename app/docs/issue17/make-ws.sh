#!/bin/sh
# Builds the workspace the before/after screenshots share: points with the faults of issue 17.
JAR=${JAR:?give the jar of the version to picture: JAR=path/paretowb.jar}
WS=${OUT:-.}/issue17.pwws
rm -f $WS
e() { nice -n 10 java -jar $JAR eval --workspace $WS "$@" >/dev/null 2>>${OUT:-.}/make-ws.log || echo "FAILED: $*" >>${OUT:-.}/make-ws.log; }
e                                   # baseline, full set
e                                   # the baseline again: identical accuracy and size
e --prune 0.3 --samples 1000
e --prune 0.5 --samples 1000
e --prune 0.9 --samples 1000
e --prune 0.5                       # full set
e --structured 0.5 --samples 1000
e --quant static --bits 8 --int8-layers all --samples 1000
e --prune 0.9 --finetune-epochs 1 --bits 4 --asymmetric --samples 1000
e --distill-student mlp:64 --distill-epochs 1 --samples 1000
echo done >> ${OUT:-.}/make-ws.log
