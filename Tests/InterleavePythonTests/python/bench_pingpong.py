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


def _timed(command):
    """(wall seconds, CPU seconds of the children) of command(), which runs a child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = command()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, result


def _plain(path, rounds):
    return _timed(lambda: subprocess.run([sys.executable, path, str(rounds)], check=True,
                                         stdout=subprocess.DEVNULL))


def _driven(path, rounds, ahead):
    return _timed(lambda: FifoDriver(path, [str(rounds)], ahead=ahead).run())


def main(argv):
    ahead = "--ahead" in argv
    argv = [arg for arg in argv if arg != "--ahead"]
    rounds = int(argv[0]) if argv else 5000
    messages = 2 * rounds
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(PROGRAM)
    try:
        # Start-up (python3, imports, the launcher) is measured apart, on one round, and
        # taken off both: the figures are per message of the ping-pong itself.
        plain_start_wall, plain_start_cpu, _ = _plain(f.name, 1)
        plain_wall, plain_cpu, _ = _plain(f.name, rounds)
        driven_start_wall, driven_start_cpu, _ = _driven(f.name, 1, ahead)
        driven, child_cpu, run = _driven(f.name, rounds, ahead)
    finally:
        os.unlink(f.name)
    steps = sum(1 for e in run.events if e["e"] in ("sleep", "yield", "wait", "done", "failed"))
    events = len(run.events)
    plain_net = max(plain_cpu - plain_start_cpu, 1e-9)
    driven_net = child_cpu - driven_start_cpu
    print("python %s, %d rounds (%d messages): %s" % (
        sys.version.split()[0], rounds, messages, run.lines[-1][2]))
    print("plain asyncio.run: %.3f s (process included); CPU %.2f us per message, %.0f messages/s"
          % (plain_wall, plain_net / messages * 1e6,
             messages / max(plain_wall - plain_start_wall, 1e-9)))
    print("through fifo_driver%s: %.3f s, %d commands, %d task steps, %d events" % (
        " (run ahead)" if ahead else "", driven, run.commands, steps, events))
    print("  %.1f us per step, %.0f events/s, %.0f messages/s, %.1fx plain's wall time" % (
        driven / steps * 1e6, events / driven, messages / (driven - driven_start_wall),
        driven / plain_wall))
    print("  the Python side's own CPU: %.3f s, %.1f us per step; start-up taken off: "
          "%.1f us per message, %.1fx plain's" % (
              child_cpu, child_cpu / steps * 1e6, driven_net / messages * 1e6,
              driven_net / plain_net))


if __name__ == "__main__":
    main(sys.argv[1:])
