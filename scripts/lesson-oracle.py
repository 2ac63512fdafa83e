#!/usr/bin/env python3
"""CPython's own output for the lessons' programs, with real (wall-clock) timings.

Re-runnable: `python3 scripts/lesson-oracle.py` runs every program in
Tests/InterleavePythonTests/Lessons/*.py again and rewrites every NAME.expected next to it.
`python3 scripts/lesson-oracle.py NAME ...` does only those programs (NAME with or without .py);
`--check` writes nothing and exits 1 if any fresh run differs from the committed .expected.

Each program runs as `python3 -u NAME.py` (this interpreter, sys.executable, not a pyenv shim),
a child with its stdout and stderr on pipes, its working directory the Lessons folder. One
thread multiplexes the pipes with selectors and stamps each line with the moment its bytes
arrive; then the child's exit status is collected.
The committed files come from CPython 3.11.7; other versions print other warnings (see the
Lessons README), so regenerate them with that version.

NAME.expected:

    exit STATUS
    SECONDS<TAB>STREAM<TAB>TEXT      one line per printed line, in order of arrival

SECONDS is rounded to 0.1 (`0.0`, `1.0`, `2.0`), STREAM is `out` or `err`. A traceback on
stderr is kept as its last line only, the exception (`ValueError: ...`), stamped when that line
arrived: the frames name paths that differ between machines. A chain of tracebacks ("During
handling of the above exception ...") keeps only the final exception. Other stderr lines
(warnings) are kept as printed, but for the program's absolute path (CPython names
`__main__` by it in warnings), which becomes the bare file name. A child killed after the time
limit gets `exit timeout`.

The clock: SECONDS count from the moment the program's own code starts, not from the spawn.
Python's start-up here (the interpreter, `site`, importing asyncio) takes 0.05-0.15 s, enough to
make a 1 s sleep round to 1.1. So the child gets a sitecustomize (on PYTHONPATH, from a
temporary folder) that imports asyncio and then writes one byte on a private pipe; the clock
starts when that byte arrives. The program itself still runs unchanged as __main__; its own
`import asyncio` then finds the module loaded. If the byte never comes the clock starts at the
spawn. The console report gives each line's unrounded time and warns when one lies within
0.02 s of a rounding boundary (the rounded value would not be trustworthy).
"""

import os
import selectors
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LESSONS = ROOT / "Tests" / "InterleavePythonTests" / "Lessons"
TIME_LIMIT = 60.0  # seconds; the aiohttp program may wait on the network

SITECUSTOMIZE = '''\
import os
_fd = os.environ.pop("LESSON_ORACLE_FD", None)
if _fd is not None:
    import asyncio
    os.write(int(_fd), b"\\n")
    os.close(int(_fd))
del os, _fd
'''


def run(program: Path, hook_dir: str):
    """Run one program; return (status, [(seconds, stream, text)], spawn_offset)."""
    ready_r, ready_w = os.pipe()
    env = dict(os.environ)
    env["PYTHONPATH"] = hook_dir + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["LESSON_ORACLE_FD"] = str(ready_w)
    env.pop("PYTHONWARNINGS", None)  # CPython's default warning filters, as a learner has them
    spawned = time.monotonic()
    child = subprocess.Popen(
        [sys.executable, "-u", program.name],
        cwd=program.parent,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        pass_fds=(ready_w,),
    )
    os.close(ready_w)

    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ, "out")
    selector.register(child.stderr, selectors.EVENT_READ, "err")
    selector.register(ready_r, selectors.EVENT_READ, "ready")
    partial = {"out": b"", "err": b""}
    lines = []  # (monotonic time, stream, text)
    start = None
    deadline = spawned + TIME_LIMIT
    timed_out = False
    open_streams = 2
    while open_streams:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            child.kill()
            timed_out = True
            break
        for key, _ in selector.select(timeout=remaining):
            now = time.monotonic()
            fd = key.fd if key.data == "ready" else key.fileobj.fileno()
            chunk = os.read(fd, 65536)
            if key.data == "ready":
                if start is None and chunk:
                    start = now
                selector.unregister(ready_r)
                os.close(ready_r)
                ready_r = None
                continue
            stream = key.data
            if not chunk:
                if partial[stream]:
                    lines.append((now, stream, partial[stream]))
                    partial[stream] = b""
                selector.unregister(key.fileobj)
                open_streams -= 1
                continue
            data = partial[stream] + chunk
            *complete, partial[stream] = data.split(b"\n")
            lines.extend((now, stream, line) for line in complete)
    selector.close()
    if ready_r is not None:
        os.close(ready_r)
    status = child.wait()
    child.stdout.close()
    child.stderr.close()
    if start is None:
        start = spawned
    here = str(program.resolve())
    decoded = [(t - start, s, b.decode("utf-8", "replace").rstrip("\r").replace(here, program.name))
               for t, s, b in lines]
    return ("timeout" if timed_out else status), collapse_tracebacks(decoded), start - spawned


def collapse_tracebacks(lines):
    """Keep of each stderr traceback (or chain of them) only its final exception line."""
    err = [i for i, (_, s, _) in enumerate(lines) if s == "err"]
    text = [lines[i][2] for i in err]
    drop = set()
    for k, line in enumerate(text):
        if line.startswith("Traceback (most recent call last):"):
            # the header and the indented frames below it; the exception is the next line that is not
            drop.add(k)
            j = k + 1
            while j < len(text) and text[j].startswith((" ", "\t")):
                drop.add(j)
                j += 1
        elif (line.startswith(("During handling of the above exception",
                               "The above exception was the direct cause"))
              and 2 <= k < len(text) - 1 and text[k - 1] == "" and text[k + 1] == ""):
            # a chain: the earlier exception, its separator and the blank lines around it
            drop.update((k - 2, k - 1, k, k + 1))
    dropped = {err[k] for k in drop}
    return [line for i, line in enumerate(lines) if i not in dropped]


def render(status, lines):
    rows = [f"exit {status}"]
    rows += [f"{round(t, 1):.1f}\t{s}\t{text}" for t, s, text in lines]
    return "\n".join(rows) + "\n"


def main(argv):
    check = "--check" in argv
    names = [a for a in argv if a != "--check"]
    if names:
        programs = [LESSONS / (n if n.endswith(".py") else n + ".py") for n in names]
    else:
        programs = sorted(LESSONS.glob("*.py"))
    differing = []
    print(f"{sys.executable} {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="lesson-oracle-") as hook_dir:
        Path(hook_dir, "sitecustomize.py").write_text(SITECUSTOMIZE)
        for program in programs:
            status, lines, offset = run(program, hook_dir)
            text = render(status, lines)
            print(f"== {program.name}: exit {status}  (program started {offset:.3f}s after spawn)")
            for t, s, line in lines:
                tenths = t * 10
                near_edge = abs(tenths - round(tenths)) > 0.3
                flag = "  <-- within 0.02s of a rounding edge" if near_edge else ""
                print(f"   {t:8.4f}  {s}  {line}{flag}")
            target = program.with_suffix(".expected")
            if check:
                if not target.exists() or target.read_text() != text:
                    differing.append(program.name)
                    print(f"   DIFFERS from {target.name}")
            else:
                target.write_text(text)
    if check and differing:
        print("differing:", " ".join(differing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
