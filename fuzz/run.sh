#!/usr/bin/env bash
# Builds a libFuzzer target (swiftc -sanitize=fuzzer,address) and fuzzes it for SECONDS (default 60),
# starting from the committed corpus; afterwards the corpus is re-minimised (-set_cover_merge=1) so it
# only grows by inputs that reach new code. A crash stops the run and leaves the input in
# fuzz/crashers/TARGET/, which `swift test` then replays as a regression case.
#
#   fuzz/run.sh trace-reader 600
#   fuzz/run.sh playlist 300
#   fuzz/run.sh trace-reader 0      # build only, then replay the corpus and crashers once
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
seconds=${2:-60}
case "$target" in
    trace-reader)
        modules=(InterleaveTrace InterleaveUI)
        sources=(fuzz/targets/TraceReaderFuzzer.swift Tests/InterleaveUITests/Fuzzing/TraceReaderEntry.swift)
        # A real recording of any demo fits in 11 kB; longer inputs only repeat blocks, and at
        # 64 kB an input took ten times as long (10 runs a second instead of ~100).
        max_len=12288 ;;
    playlist)
        modules=(InterleaveTrace)
        sources=(fuzz/targets/PlaylistFuzzer.swift Tests/InterleaveTraceTests/Fuzzing/PlaylistEntry.swift)
        max_len=8192 ;;
    *)
        echo "usage: fuzz/run.sh trace-reader|playlist [SECONDS]" >&2
        exit 2 ;;
esac

out=.build-fuzzer/$target
corpus=fuzz/corpus/$target
crashers=fuzz/crashers/$target
mkdir -p "$out" "$corpus" "$crashers"

# -enable-testing lets the entry files use internals (`@testable import`), as the tests do.
flags=(-sanitize=fuzzer,address -enable-testing -parse-as-library -O -g -use-ld=lld -I "$out" -L "$out")
for module in "${modules[@]}"; do
    swiftc "${flags[@]}" -emit-library -static -emit-module -module-name "$module" \
        -o "$out/lib$module.a" Sources/"$module"/*.swift
done
links=()
for module in "${modules[@]}"; do links+=(-l"$module"); done
swiftc "${flags[@]}" -module-name "${target//-/_}_fuzzer" -o "$out/fuzzer" "${sources[@]}" "${links[@]}"

# One pass over everything committed: every file must load or fail cleanly. Files, not folders:
# given folders, libFuzzer writes inputs it finds new into the first one, the committed corpus.
find "$corpus" "$crashers" -type f -print0 | xargs -0 -r "$out/fuzzer" >/dev/null 2>&1 \
    || { echo "a committed input crashes the $target fuzzer; rerun without the redirect to see it" >&2; exit 1; }
[ "$seconds" -gt 0 ] || exit 0

# New inputs go to a scratch directory; the committed corpus is only read while fuzzing.
rm -rf "$out/found" && mkdir -p "$out/found"
"$out/fuzzer" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$crashers/" -print_final_stats=1 "$out/found" "$corpus"

rm -rf "$out/merged" && mkdir -p "$out/merged"
"$out/fuzzer" -set_cover_merge=1 "$out/merged" "$corpus" "$out/found"
rm -rf "$corpus" && mv "$out/merged" "$corpus"
echo "corpus: $(ls "$corpus" | wc -l) files, $(du -sh "$corpus" | cut -f1)"
