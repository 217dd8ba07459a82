#!/bin/sh
# Started by the build (services' pre-integration-test, in the background) so that the test bed of real architectures
# trains on the second core while services', charts' and views' tests run, instead of after them: app's TestBed takes
# the same lock and waits for this run to end (or trains the test bed itself where this did not run or failed).
# Without Debian's python3-torchvision it does nothing: the tests that need the test bed are skipped.
# Usage: testbed-background.sh OUT_FOLDER LOCK_FILE
out="$1"
lock="$2"
[ -x /usr/bin/python3 ] || exit 0
/usr/bin/python3 -c "import torchvision" 2>/dev/null || exit 0
cd "$(dirname "$0")" || exit 0
exec nice -n 5 /usr/bin/python3 make_torchvision.py --out "$out" --lock "$lock" --min-accuracy 0.5
