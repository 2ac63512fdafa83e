#!/usr/bin/env bash
# Builds release, runs the asyncio/uvloop/trio peers and `interleave bench` side by side, and
# prints each workload's ratio to uvloop and to CPython asyncio, and for spawn_gather and event
# the ratio of Interleave (traced and untraced) to Swift's own floor (`swift-raw`: the same work
# on bare Swift tasks and a minimal executor). Usage: [ROUNDS=3] bench/compare.sh [scale]
# The runs go in rounds: each round times one workload on every runtime, then the next workload,
# then Interleave's own figures. A runtime's figure is the fastest of all its runs (five a round,
# in one process) over the rounds, and each of Interleave's own the best of its rounds. On a
# shared machine other work only ever adds time, and it comes and goes over minutes: one runtime
# timed minutes after another could read twice as fast or as slow by that alone.
# The peers' workloads are part of the benchmark's definition: bench/peers/asyncio_workloads.py.
# The first run makes .venv-peers with uvloop and trio (pip, so it needs the network once).
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
peers=bench/peers/asyncio_workloads.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

swift build -c release --product interleave >/dev/null
if [ ! -x .venv-peers/bin/python ]; then
    python3 -m venv .venv-peers
    .venv-peers/bin/pip install -q uvloop trio
fi
rounds=${ROUNDS:-3}
workloads="spawn_gather pingpong lock queue event"
for _ in $(seq "$rounds"); do
    for w in $workloads; do
        for rt in asyncio uvloop trio; do .venv-peers/bin/python "$peers" "$rt" "$scale" "$w"; done
        .build/release/interleave bench --scale "$scale" --only "$w"
    done
    # The rest of `interleave bench`: the trace's costs, seeking, explore, Python, rendering, startup.
    for b in trace- memory seek explore python render startup; do
        .build/release/interleave bench --scale "$scale" --only "$b"
    done
done >"$out/rounds.txt"
# The best of each figure over the rounds, in the order first seen: the most operations a second
# (`<runtime> <name> <ops> <seconds> <ops/s>`), the fewest milliseconds (a `-ms-` line, whose
# first plain number is the figure); any other line (an event count, a size, Python's ratio) as
# first seen.
awk 'NF == 5 && $3 ~ /^[0-9]+$/ {
        key = $1 " " $2
        if (!(key in line)) order[n++] = key
        if (!(key in line) || $5 + 0 > best[key]) { best[key] = $5 + 0; line[key] = $0 }
        next
    }
    $2 ~ /-ms-/ {
        for (i = 3; i <= NF && $i !~ /^[0-9.]+$/; i++) {}
        key = $1; for (j = 2; j <= NF; j++) key = key " " (j == i ? "#" : $j)
        if (!(key in line)) order[n++] = key
        if (!(key in line) || $i + 0 < best[key]) { best[key] = $i + 0; line[key] = $0 }
        next
    }
    !(($1 " " $2 " " $3) in line) { order[n++] = $1 " " $2 " " $3; line[$1 " " $2 " " $3] = $0 }
    END { for (i = 0; i < n; i++) print line[order[i]] }' "$out/rounds.txt" >"$out/fastest.txt"
grep -E '^(asyncio|uvloop|trio) ' "$out/fastest.txt" >"$out/peers.txt"
grep -vE '^(asyncio|uvloop|trio) ' "$out/fastest.txt" >"$out/interleave.txt"

cat "$out/peers.txt" "$out/interleave.txt"
echo
printf '%-14s %12s %12s %12s %9s %9s %9s %9s %9s\n' \
    workload interleave notrace swift-raw "x uvloop" "x asyncio" overhead "trace/raw" "notr/raw"
for w in spawn_gather pingpong lock queue event; do
    ours=$(awk -v w="$w" '$1=="interleave" && $2==w && $3 ~ /^[0-9]+$/ {print $5}' "$out/interleave.txt")
    bare=$(awk -v w="$w" '$1=="interleave-notrace" && $2==w {print $5}' "$out/interleave.txt")
    raw=$(awk -v w="$w" '$1=="swift-raw" && $2==w {print $5}' "$out/interleave.txt")
    uv=$(awk -v w="$w" '$1=="uvloop" && $2==w {print $5}' "$out/peers.txt")
    aio=$(awk -v w="$w" '$1=="asyncio" && $2==w {print $5}' "$out/peers.txt")
    # trace/raw, notr/raw: Interleave traced and untraced as a share of the floor (the target for
    # traced is 0.7); "-" where there is no floor.
    awk -v w="$w" -v o="$ours" -v b="$bare" -v r="${raw:-0}" -v u="$uv" -v a="$aio" 'BEGIN {
        if (r > 0) { rawcol = sprintf("%12d", r); xr = sprintf("%8.2fx", o/r); xb = sprintf("%8.2fx", b/r) }
        else { rawcol = sprintf("%12s", "-"); xr = sprintf("%9s", "-"); xb = sprintf("%9s", "-") }
        printf "%-14s %12d %12d %s %8.1fx %8.1fx %8.0f%% %s %s\n", w, o, b, rawcol, o/u, o/a, (b/o-1)*100, xr, xb
    }'
done

# Explore: schedules searched per second on the bank demo, against loom's rough rate (about
# 7,000 iterations/s, estimated from a report of 20 M iterations in 45 minutes: no loom here).
for w in explore_bank explore_bank_pct; do
    rate=$(awk -v w="$w" '$1=="interleave" && $2==w && $3 ~ /^[0-9]+$/ {print $5}' "$out/interleave.txt")
    awk -v w="$w" -v r="$rate" 'BEGIN { printf "%-18s %10d schedules/s %6.1fx loom (est. 7,000/s)\n", w, r, r/7000 }'
done
