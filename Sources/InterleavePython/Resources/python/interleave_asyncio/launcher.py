# The entry point: python3 DIR/interleave_asyncio/launcher.py FILE.py ARGS...
# Plain Python 3 syntax only (no f-strings, no annotations): an old python3 must be able
# to parse this file to say that it is too old.
import os
import sys


def main():
    if sys.version_info < (3, 10):
        message = "interleave run needs python3 \u2265 3.10 (this is %d.%d)\n" % (
            sys.version_info[0], sys.version_info[1])
        os.write(2, message.encode("utf-8"))
        sys.exit(3)
    if len(sys.argv) < 2:
        os.write(2, b"usage: launcher.py FILE.py [ARGS...]\n")
        sys.exit(2)
    program = sys.argv[1]
    # As `python3 FILE.py ARGS...`: argv starts with the file, and sys.path[0] is the
    # program's directory (the launcher's own directory must not be importable).
    sys.argv = sys.argv[1:]
    sys.path[0] = os.path.dirname(os.path.realpath(program))
    package_parent = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    sys.path.insert(0, package_parent)
    # No __pycache__ in the resource directory (it may be read-only, or bundled): the
    # package's bytecode goes to Interleave's own cache instead, even under
    # PYTHONDONTWRITEBYTECODE (compiling the package takes ~200 ms, reading it back ~40 ms, and
    # every step back starts python3 again). Where that cannot be written, Python compiles in
    # memory. The program's own imports write bytecode, or not, as the user has it.
    pycache_prefix, writes_bytecode = sys.pycache_prefix, sys.dont_write_bytecode
    cache_home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    sys.pycache_prefix = os.path.join(cache_home, "interleave", "pycache")
    sys.dont_write_bytecode = False
    try:
        from interleave_asyncio import runner
    finally:
        del sys.path[0]
        sys.pycache_prefix, sys.dont_write_bytecode = pycache_prefix, writes_bytecode
    runner.main(program)


if __name__ == "__main__":
    main()
