"""Cost of the Python side: a ping-pong of N messages through two asyncio.Queues, run
through fifo_driver (every step a command and an answer over the pipes) and under plain
`asyncio.run`. Prints wall time, steps, events and their rates. With --ahead the driver
sends `run` and the Python side runs ahead (no round trip per step).

    python3 bench_pingpong.py [--ahead] [N]
"""

import os
import resource
import subprocess
import sys
import tempfile
import time

from fifo_driver import FifoDriver

PROGRAM_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..",
                            "Sources", "InterleavePython", "Resources", "python", "benchmarks", "pingpong.py")
with open(PROGRAM_FILE) as program_file:
    PROGRAM = program_file.read()


def main(argv):
    ahead = "--ahead" in argv
    argv = [arg for arg in argv if arg != "--ahead"]
    rounds = int(argv[0]) if argv else 5000
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PROGRAM)
    try:
        started = time.perf_counter()
        subprocess.run([sys.executable, f.name, str(rounds)], check=True, stdout=subprocess.DEVNULL)
        plain = time.perf_counter() - started
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        run = FifoDriver(f.name, [str(rounds)], ahead=ahead).run()
        driven = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        child_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    finally:
        os.unlink(f.name)
    steps = sum(1 for e in run.events if e["e"] in ("sleep", "yield", "wait", "done", "failed"))
    events = len(run.events)
    print("python %s, %d rounds: %s" % (sys.version.split()[0], rounds, run.lines[-1][2]))
    print("plain asyncio.run:  %.3f s (process included)" % plain)
    print("through fifo_driver%s: %.3f s, %d commands, %d task steps, %d events" % (
        " (run ahead)" if ahead else "", driven, run.commands, steps, events))
    print("  %.1f us per step, %.0f events/s, %.0f steps/s, %.1fx plain" % (
        driven / steps * 1e6, events / driven, steps / driven, driven / plain))
    print("  the Python side's own CPU: %.3f s, %.1f us per step" % (
        child_cpu, child_cpu / steps * 1e6))


if __name__ == "__main__":
    main(sys.argv[1:])
