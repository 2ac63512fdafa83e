#!/usr/bin/env bash
# Seeds fuzz/corpus/trace-reader from real recordings: every demo (two with injected faults, one
# on the random schedule), each also truncated at a few points and with a few bits flipped.
# Only inputs that reach new code are kept (libFuzzer -merge=1), so the corpus stays small.
#
#   fuzz/seed-trace-reader.sh [path/to/interleave]    (default: a fresh debug build)
set -euo pipefail
cd "$(dirname "$0")/.."

interleave=${1:-}
if [ -z "$interleave" ]; then
    swift build --product interleave >/dev/null
    interleave=.build/debug/interleave
fi
fuzzer=.build-fuzzer/trace-reader/fuzzer
[ -x "$fuzzer" ] || fuzz/run.sh trace-reader 0

seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
for demo in $("$interleave" list | cut -d' ' -f1); do
    "$interleave" record "$demo" --tasks 24 -o "$seeds/$demo.trace" 2>/dev/null
done
"$interleave" record gather --inject "fail task2 at 0.5s" -o "$seeds/gather-fail.trace" 2>/dev/null
"$interleave" record lock --inject "cancel coroutine2 at 1s" -o "$seeds/lock-cancel.trace" 2>/dev/null
"$interleave" record swarm --tasks 40 --schedule random --seed 7 -o "$seeds/swarm-random.trace" 2>/dev/null

# Truncated and bit-flipped copies, deterministic so the seeding can be repeated.
python3 - "$seeds" <<'PY'
import os, random, sys
directory = sys.argv[1]
rng = random.Random(7)
for name in sorted(os.listdir(directory)):
    data = open(os.path.join(directory, name), "rb").read()
    for i in range(4):
        cut = rng.randrange(1, len(data))
        open(os.path.join(directory, f"{name}.cut{i}"), "wb").write(data[:cut])
    for i in range(4):
        flipped = bytearray(data)
        bit = rng.randrange(len(data) * 8)
        flipped[bit // 8] ^= 1 << (bit % 8)
        open(os.path.join(directory, f"{name}.flip{i}"), "wb").write(bytes(flipped))
PY

mkdir -p fuzz/corpus/trace-reader
"$fuzzer" -merge=1 fuzz/corpus/trace-reader "$seeds"
echo "corpus: $(ls fuzz/corpus/trace-reader | wc -l) files, $(du -sh fuzz/corpus/trace-reader | cut -f1)"
