"""Plays an asciicast v2 file into the pyte terminal emulator and prints the final screen.

Usage: replay_cast.py FILE.cast

Every "o" event is fed, in order, to a pyte screen of the header's size ("m" markers, which
only tell a player where to pause, are skipped); the screen's rows are
then printed one per line (trailing spaces kept), so a test can check what a viewer would see
at the end of `asciinema play`. Exits 1 with a one-line message if the file is not a cast.
"""
import json
import sys

import pyte


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: replay_cast.py FILE.cast", file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as cast:
        header = json.loads(cast.readline())
        if header.get("version") != 2:
            print(f"not an asciicast v2 file: version {header.get('version')!r}", file=sys.stderr)
            return 1
        screen = pyte.Screen(header["width"], header["height"])
        stream = pyte.Stream(screen)
        for number, line in enumerate(cast, start=2):
            if not line.strip():
                continue
            time, kind, data = json.loads(line)
            if kind == "m":
                continue
            if kind != "o":
                print(f"line {number}: unexpected event type {kind!r}", file=sys.stderr)
                return 1
            stream.feed(data)
    for row in screen.display:
        print(row)
    return 0


if __name__ == "__main__":
    sys.exit(main())
