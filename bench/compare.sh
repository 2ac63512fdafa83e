#!/usr/bin/env bash
# Builds release, runs the asyncio/uvloop/trio peers and `interleave bench` in one go, and
# prints each workload's ratio to uvloop and to CPython asyncio. Usage: bench/compare.sh [scale]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
peers=../shared/bench/peers/asyncio_workloads.py
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

swift build -c release --product interleave >/dev/null
if [ ! -x .venv-peers/bin/python ]; then
    python3 -m venv .venv-peers
    .venv-peers/bin/pip install -q uvloop trio
fi
for rt in asyncio uvloop trio; do .venv-peers/bin/python "$peers" "$rt" "$scale"; done >"$out/peers.txt"
.build/release/interleave bench --scale "$scale" >"$out/interleave.txt"

cat "$out/peers.txt" "$out/interleave.txt"
echo
printf '%-14s %14s %14s %10s %10s %10s\n' workload interleave notrace "x uvloop" "x asyncio" overhead
for w in spawn_gather pingpong lock queue event; do
    ours=$(awk -v w="$w" '$1=="interleave" && $2==w && $3 ~ /^[0-9]+$/ {print $5}' "$out/interleave.txt")
    bare=$(awk -v w="$w" '$1=="interleave-notrace" && $2==w {print $5}' "$out/interleave.txt")
    uv=$(awk -v w="$w" '$1=="uvloop" && $2==w {print $5}' "$out/peers.txt")
    aio=$(awk -v w="$w" '$1=="asyncio" && $2==w {print $5}' "$out/peers.txt")
    awk -v w="$w" -v o="$ours" -v b="$bare" -v u="$uv" -v a="$aio" \
        'BEGIN { printf "%-14s %14d %14d %9.1fx %9.1fx %9.0f%%\n", w, o, b, o/u, o/a, (b/o-1)*100 }'
done

# Explore: schedules searched per second on the bank demo, against loom's rough rate (about
# 7,000 iterations/s, estimated from a report of 20 M iterations in 45 minutes: no loom here).
for w in explore_bank explore_bank_pct; do
    rate=$(awk -v w="$w" '$1=="interleave" && $2==w && $3 ~ /^[0-9]+$/ {print $5}' "$out/interleave.txt")
    awk -v w="$w" -v r="$rate" 'BEGIN { printf "%-18s %10d schedules/s %6.1fx loom (est. 7,000/s)\n", w, r, r/7000 }'
done
